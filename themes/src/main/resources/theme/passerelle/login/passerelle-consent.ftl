<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("passerelleConsentTitle", passerelleConsent.sp)}
    <#elseif section = "form">
    <link rel="stylesheet" href="${url.resourcesPath}/css/passerelle.css"/>
    <div id="passerelle-consent" class="${properties.kcContentWrapperClass!}">
        <p>${msg("passerelleConsentIntro", passerelleConsent.sp)}</p>
        <#if passerelleConsent.identity?has_content>
        <section class="passerelle-consent-group" data-source="identity" aria-labelledby="consent-identity-title">
            <h2 id="consent-identity-title">
                <#if passerelleConsent.idp?has_content>${msg("passerelleConsentFromIdp", passerelleConsent.idp)}<#else>${msg("passerelleConsentFromYourIdp")}</#if>
            </h2>
            <ul>
                <#list passerelleConsent.identity as text><li>${advancedMsg(text)}</li></#list>
            </ul>
        </section>
        </#if>
        <#list passerelleConsent.providers as provider>
        <section class="passerelle-consent-group" data-source="data-provider" aria-labelledby="consent-dp-${provider?index}">
            <h2 id="consent-dp-${provider?index}">${msg("passerelleConsentFromDataProvider", provider.name)}</h2>
            <ul>
                <#list provider.scopes as text><li>${advancedMsg(text)}</li></#list>
            </ul>
        </section>
        </#list>
        <form id="passerelle-consent-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="POST">
            <@buttons.actionGroup horizontal=true>
                <@buttons.button name="accept" id="kc-accept" label="passerelleConsentAccept"/>
                <@buttons.button name="cancel" id="kc-decline" label="passerelleConsentDecline" type="secondary"/>
            </@buttons.actionGroup>
        </form>
    </div>
    </#if>
</@layout.registrationLayout>
