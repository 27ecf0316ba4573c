<#import "template.ftl" as layout>
<#import "passerelle-back.ftl" as back>
<#-- Keycloak's error page, with the way back to the service when the page belongs to a login in progress. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${kcSanitize(msg("errorTitle"))?no_esc}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/passerelle.css"/>
        <div id="kc-error-message">
            <p class="instruction">${kcSanitize(message.summary)?no_esc}</p>
            <#if traceId??>
                <p class="instruction" id="traceId">${msg("traceIdSupportMessage", traceId)}</p>
            </#if>
            <#if skipLink??>
            <#elseif back.href()?has_content>
                <@back.link/>
            <#elseif client?? && client.baseUrl?has_content>
                <p><a id="backToApplication" href="${client.baseUrl}">${msg("backToApplication")}</a></p>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
