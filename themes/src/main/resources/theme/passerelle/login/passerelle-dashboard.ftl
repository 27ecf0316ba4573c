<#assign d = passerelleDashboard>
<!DOCTYPE html>
<html lang="${d.lang}">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex, nofollow">
    <base href="${d.base}">
    <title>${msg("passerelle.dashboard.title")}</title>
    <link rel="stylesheet" href="${url.resourcesPath}/css/passerelle.css"/>
</head>
<body class="passerelle-dashboard">
<header>
    <h1>${msg("passerelle.dashboard.title")}</h1>
    <nav aria-label="${msg("passerelle.dashboard.language")}">
        <ul>
            <li><a id="switch-language" href="?lang=${d.otherLang}" lang="${d.otherLang}" hreflang="${d.otherLang}"><#if d.otherLang = "fr">Français<#else>English</#if></a></li>
            <#if d.logout??><li><a id="logout" href="${d.logout}">${msg("passerelle.dashboard.logout")}</a></li></#if>
        </ul>
    </nav>
</header>
<main>
<#if d.step = "login-failed">
    <p role="alert" class="status">${msg("passerelle.dashboard.login-failed", d.error)}</p>
    <p><a href="${d.signIn}">${msg("passerelle.dashboard.retry")}</a></p>
<#elseif d.step = "no-identity">
    <p class="status">${msg("passerelle.dashboard.no-identity")}</p>
<#else>
    <#if d.statusKey??><p role="status" class="status" id="status">${msg(d.statusKey, d.statusParam!"")}</p></#if>
    <p>${msg("passerelle.dashboard.intro")}</p>

    <h2 id="connections">${msg("passerelle.dashboard.connections")}</h2>
    <#if d.connections.rows?size = 0>
        <p>${msg("passerelle.dashboard.none")}</p>
    <#else>
    <table aria-labelledby="connections">
        <thead><tr><th scope="col">${msg("passerelle.dashboard.sp")}</th><th scope="col">${msg("passerelle.dashboard.idp")}</th>
            <th scope="col">${msg("passerelle.dashboard.count")}</th><th scope="col">${msg("passerelle.dashboard.first")}</th><th scope="col">${msg("passerelle.dashboard.last")}</th></tr></thead>
        <tbody>
        <#list d.connections.rows as c>
            <tr data-sp="${c.sp}" data-idp="${c.idp}"><td>${c.spName}</td><td>${c.idpName}</td><td class="count" data-count="${c.count?c}">${c.count}</td><td>${c.first}</td><td>${c.last}</td></tr>
        </#list>
        </tbody>
    </table>
    <@pager id="connections-pages" param="cpage" page=d.connections keep="xpage=" + d.exchangePage/>
    </#if>

    <h2 id="exchanges">${msg("passerelle.dashboard.exchanges")}</h2>
    <#if d.exchanges.rows?size = 0>
        <p>${msg("passerelle.dashboard.none")}</p>
    <#else>
    <table aria-labelledby="exchanges">
        <thead><tr><th scope="col">${msg("passerelle.dashboard.dp")}</th><th scope="col">${msg("passerelle.dashboard.sp")}</th><th scope="col">${msg("passerelle.dashboard.data")}</th>
            <th scope="col">${msg("passerelle.dashboard.count")}</th><th scope="col">${msg("passerelle.dashboard.first")}</th><th scope="col">${msg("passerelle.dashboard.last")}</th></tr></thead>
        <tbody>
        <#list d.exchanges.rows as x>
            <tr data-dp="${x.dp}"><td>${x.dpName}</td><td>${x.spName}</td><td>${x.data}</td><td class="count" data-count="${x.count?c}">${x.count}</td><td>${x.first}</td><td>${x.last}</td></tr>
        </#list>
        </tbody>
    </table>
    <@pager id="exchanges-pages" param="xpage" page=d.exchanges keep="cpage=" + d.connectionPage/>
    </#if>

    <h2 id="consents">${msg("passerelle.dashboard.consents")}</h2>
    <p>${msg("passerelle.dashboard.consents-help")}</p>
    <#if d.consents?size = 0>
        <p>${msg("passerelle.dashboard.consents-none")}</p>
    <#else>
    <table aria-labelledby="consents">
        <thead><tr><th scope="col">${msg("passerelle.dashboard.sp")}</th><th scope="col">${msg("passerelle.dashboard.data")}</th><th scope="col">${msg("passerelle.dashboard.consent-since")}</th><th scope="col">${msg("passerelle.dashboard.action")}</th></tr></thead>
        <tbody>
        <#list d.consents as consent>
            <tr data-client="${consent.clientId}"><td>${consent.clientName}</td><td>${consent.scopes}</td><td>${consent.since}</td>
                <td><form method="post" action="withdraw" class="withdraw">
                    <input type="hidden" name="client" value="${consent.clientId}"><input type="hidden" name="csrf" value="${d.csrf}"><input type="hidden" name="lang" value="${d.lang}">
                    <button type="submit" class="secondary">${msg("passerelle.dashboard.withdraw", consent.clientName)}</button></form></td></tr>
        </#list>
        </tbody>
    </table>
    </#if>

    <h2 id="idps">${msg("passerelle.dashboard.idps")}</h2>
    <p>${msg("passerelle.dashboard.idps-help")}</p>
    <table aria-labelledby="idps">
        <thead><tr><th scope="col">${msg("passerelle.dashboard.idp")}</th><th scope="col">${msg("passerelle.dashboard.state")}</th><th scope="col">${msg("passerelle.dashboard.action")}</th></tr></thead>
        <tbody>
        <#list d.idps as idp>
            <tr data-idp="${idp.alias}"><td>${idp.name}</td>
                <td><#if idp.blocked>${msg("passerelle.dashboard.blocked")}<#else>${msg("passerelle.dashboard.allowed")}</#if><#if idp.current> — ${msg("passerelle.dashboard.current")}</#if></td>
                <td>
                <#if idp.blocked>
                    <form method="post" action="unblock" class="unblock"><input type="hidden" name="idp" value="${idp.alias}"><input type="hidden" name="csrf" value="${d.csrf}"><input type="hidden" name="lang" value="${d.lang}">
                        <button type="submit" class="secondary">${msg("passerelle.dashboard.unblock", idp.name)}</button></form>
                <#elseif !idp.current>
                    <form method="post" action="block" class="block"><input type="hidden" name="idp" value="${idp.alias}"><input type="hidden" name="csrf" value="${d.csrf}"><input type="hidden" name="lang" value="${d.lang}">
                        <button type="submit">${msg("passerelle.dashboard.block", idp.name)}</button></form>
                </#if>
                </td></tr>
        </#list>
        </tbody>
    </table>

    <h2 id="notice">${msg("passerelle.dashboard.notice")}</h2>
    <p>${msg("passerelle.dashboard.notice-help")}</p>
    <form method="post" action="notice" id="notice-preference">
        <input type="hidden" name="csrf" value="${d.csrf}"><input type="hidden" name="lang" value="${d.lang}">
        <label><input type="checkbox" name="always" value="on" <#if d.noticeAlways>checked</#if>> ${msg("passerelle.dashboard.notice-always")}</label>
        <button type="submit" class="secondary">${msg("passerelle.dashboard.notice-save")}</button>
    </form>
</#if>
</main>
</body>
</html>

<#macro pager id param page keep>
    <#if page.pages gt 1>
    <nav aria-label="${msg("passerelle.dashboard.page", page.number, page.pages)}" id="${id}" class="pager">
        <#if page.number gt 1><a rel="prev" href="?lang=${d.lang}&amp;${keep}&amp;${param}=${page.number - 1}">${msg("passerelle.dashboard.previous")}</a></#if>
        <span>${msg("passerelle.dashboard.page", page.number, page.pages)}</span>
        <#if page.number lt page.pages><a rel="next" href="?lang=${d.lang}&amp;${keep}&amp;${param}=${page.number + 1}">${msg("passerelle.dashboard.next")}</a></#if>
    </nav>
    </#if>
</#macro>
