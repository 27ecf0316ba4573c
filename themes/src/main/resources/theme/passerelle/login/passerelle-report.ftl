<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${msg("passerelleReportTitle")}
    <#elseif section = "form">
    <link rel="stylesheet" href="${url.resourcesPath}/css/passerelle.css"/>
    <div id="passerelle-report" class="${properties.kcContentWrapperClass!}">
    <#if passerelleReportStep = "recorded">
        <p id="passerelle-report-recorded" role="status">${msg("passerelleReportRecorded", passerelleReport.reportId)}</p>
        <p>${msg("passerelleReportNext")}</p>
        <#if passerelleReport.idpBlocked>
            <p id="passerelle-report-blocked" role="status">${msg("passerelleReportBlocked", passerelleReport.idpName)}</p>
        <#elseif passerelleReport.idp?has_content>
            <p>${msg("passerelleReportBlockOffer", passerelleReport.idpName)}</p>
            <form id="passerelle-report-block" method="post" action="${passerelleReportAction}">
                <input type="hidden" name="code" value="${passerelleReport.code}"/>
                <input type="hidden" name="email" value="${passerelleReport.email}"/>
                <input type="hidden" name="action" value="block"/>
                <button type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}">${msg("passerelleReportBlock", passerelleReport.idpName)}</button>
            </form>
        </#if>
        <#if passerelleReport.serviceUrl?has_content>
            <p><a id="passerelle-report-back" href="${passerelleReport.serviceUrl}">${msg("passerelleReportBack")}</a></p>
        </#if>
    <#else>
        <p>${msg("passerelleReportIntro")}</p>
        <form id="passerelle-report-form" method="post" action="${passerelleReportAction}">
            <div class="${properties.kcFormGroupClass!}">
                <label for="code" class="${properties.kcLabelClass!}">${msg("passerelleReportCode")}</label>
                <input id="code" name="code" type="text" required autocomplete="off" maxlength="16" value="${passerelleReport.code}" class="${properties.kcInputClass!}"/>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <label for="email" class="${properties.kcLabelClass!}">${msg("passerelleReportEmail")}</label>
                <input id="email" name="email" type="email" required autocomplete="email" maxlength="255" class="${properties.kcInputClass!}"/>
            </div>
            <input type="hidden" name="action" value="report"/>
            <button type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}">${msg("passerelleReportSubmit")}</button>
        </form>
    </#if>
    </div>
    </#if>
</@layout.registrationLayout>
