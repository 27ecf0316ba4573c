<#import "template.ftl" as layout>
<#import "passerelle-back.ftl" as back>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: passerelle-idp-choice.ftl -->
    <#if section = "header">
        ${msg("passerelleIdpChoiceTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/passerelle.css"/>
        <div id="passerelle-idp-choice" data-requested-level="${passerelleRequestedLevel}">
            <p id="passerelle-idp-choice-intro">${msg("passerelleIdpChoiceIntro")}</p>
            <@idpList idps=passerelleIdps?filter(idp -> !idp.euCitizen) labelledBy="passerelle-idp-choice-intro"/>
            <#assign euIdps = passerelleIdps?filter(idp -> idp.euCitizen)>
            <#if euIdps?has_content>
                <h2 class="passerelle-idp-group" id="passerelle-eu-citizen">${msg("passerelleEuCitizenHeading")}</h2>
                <@idpList idps=euIdps labelledBy="passerelle-eu-citizen"/>
            </#if>
            <@back.link/>
        </div>
    </#if>
</@layout.registrationLayout>

<#macro idpList idps labelledBy>
    <#if idps?has_content>
                    <ul class="passerelle-idp-list" aria-labelledby="${labelledBy}">
                    <#list idps as idp>
                        <li class="passerelle-idp<#if !idp.selectable> passerelle-idp-disabled</#if>" id="passerelle-idp-${idp.alias}" data-idp-alias="${idp.alias}" data-idp-state="${idp.state}">
                            <#if idp.selectable>
                                <a id="social-${idp.alias}" data-idp="${idp.alias}" class="passerelle-idp-link" href="${url.loginAction}&amp;passerelle_idp=${idp.alias?url('UTF-8')}"<#if idp.help?has_content> aria-describedby="passerelle-idp-help-${idp.alias}"</#if>>
                                    <#if idp.logo?has_content><img class="passerelle-idp-logo" src="${url.resourcesPath}/${idp.logo}" alt="" width="40" height="40"/></#if>
                                    <span class="passerelle-idp-name">${idp.displayName}</span>
                                </a>
                                <#if idp.help?has_content><p class="passerelle-idp-help" id="passerelle-idp-help-${idp.alias}">${idp.help}</p></#if>
                                <#if idp.maintenanceAnnouncement?? && idp.maintenanceAnnouncement?has_content><p class="passerelle-idp-announcement" id="passerelle-idp-announcement-${idp.alias}">${msg("passerelleIdpMaintenanceAnnounced", idp.maintenanceAnnouncement.start, idp.maintenanceAnnouncement.end)} ${idp.maintenanceAnnouncement.message}</p></#if>
                            <#else>
                                <div class="passerelle-idp-unavailable" aria-disabled="true" aria-describedby="passerelle-idp-reason-${idp.alias}">
                                    <#if idp.logo?has_content><img class="passerelle-idp-logo" src="${url.resourcesPath}/${idp.logo}" alt="" width="40" height="40"/></#if>
                                    <span class="passerelle-idp-name">${idp.displayName}</span>
                                </div>
                                <p class="passerelle-idp-reason" id="passerelle-idp-reason-${idp.alias}">
                                    ${msg(idp.reasonKey, passerelleRequestedLevel)}<#if idp.state == "MAINTENANCE" && idp.maintenanceMessage?has_content> ${idp.maintenanceMessage}</#if>
                                </p>
                            </#if>
                        </li>
                    </#list>
                    </ul>
    </#if>
</#macro>
