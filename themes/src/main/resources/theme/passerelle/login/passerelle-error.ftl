<#import "template.ftl" as layout>
<#import "passerelle-back.ftl" as back>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("passerelleErrorTitle")}
    <#elseif section = "form">
    <link rel="stylesheet" href="${url.resourcesPath}/css/passerelle.css"/>
    <div id="passerelle-error" class="${properties.kcContentWrapperClass!}" role="alert">
        <p id="passerelle-error-sentence">${msg("passerelle.error." + passerelleErrorCode, passerelleIdp)}</p>
        <dl>
            <dt>${msg("passerelleErrorCodeLabel")}</dt>
            <dd><code id="passerelle-error-code">${passerelleErrorCode}</code></dd>
            <dt>${msg("passerelleErrorIdLabel")}</dt>
            <dd><code id="passerelle-error-id">${passerelleErrorId}</code></dd>
        </dl>
        <p>${msg("passerelleErrorHelp")}</p>
        <#if back.href()?has_content>
            <@back.link/>
        <#elseif client?? && client.baseUrl?has_content>
            <p><a id="backToApplication" href="${client.baseUrl}">${kcSanitize(msg("backToApplication"))?no_esc}</a></p>
        </#if>
    </div>
    </#if>
</@layout.registrationLayout>
