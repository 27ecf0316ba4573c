<#import "template.ftl" as layout>
<#import "passerelle-back.ftl" as back>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: passerelle-wallet.ftl -->
    <#if section = "header">
        ${msg("passerelleWalletTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/passerelle.css"/>
        <div id="passerelle-wallet" data-status-url="${passerelleWalletStatusUrl}">
            <h2 class="passerelle-wallet-heading">${msg("passerelleWalletSameDeviceHeading")}</h2>
            <p>${msg("passerelleWalletSameDeviceHelp")}</p>
            <p><a id="passerelle-wallet-same-device" class="passerelle-wallet-button" href="${passerelleWalletLink}">${msg("passerelleWalletOpen", passerelleWalletIdp)}</a></p>
            <h2 class="passerelle-wallet-heading">${msg("passerelleWalletCrossDeviceHeading")}</h2>
            <p id="passerelle-wallet-qr-help">${msg("passerelleWalletCrossDeviceHelp")}</p>
            <div id="passerelle-wallet-qr" class="passerelle-wallet-qr" aria-describedby="passerelle-wallet-qr-help">${passerelleWalletQr?no_esc}</div>
            <p id="passerelle-wallet-status" role="status" aria-live="polite">${msg("passerelleWalletWaiting")}</p>
            <noscript><p><a href="${passerelleWalletStatusUrl}">${msg("passerelleWalletCheck")}</a></p></noscript>
        </div>
        <@back.link/>
        <script src="${url.resourcesPath}/js/passerelle-wallet.js" defer></script>
    </#if>
</@layout.registrationLayout>
