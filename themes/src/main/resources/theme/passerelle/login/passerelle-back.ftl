<#--
  The way back to the service, on every broker page where a person can be stuck. Shown only when the page belongs
  to a login in progress of a known client: Keycloak's own restart link then names the client and the login's tab,
  and the same parameters reach the broker's passerelle-back-to-service endpoint, which answers the service with
  access_denied at the redirect URI its request carried. No login, no client: no link.
-->
<#function href>
    <#if client?? && url?? && url.loginRestartFlowUrl?contains("/login-actions/restart?") && url.loginRestartFlowUrl?contains("tab_id=")>
        <#return url.loginRestartFlowUrl?replace("/login-actions/restart?", "/passerelle-back-to-service?", "f")>
    </#if>
    <#return "">
</#function>

<#macro link>
    <#if href()?has_content>
        <p class="passerelle-back"><a id="passerelle-back-to-service" href="${href()}">${msg("passerelleBackToService")}</a></p>
    </#if>
</#macro>
