<html lang="${locale.language}">
<body style="font-family: Marianne, Arial, sans-serif; color: #161616; max-width: 36em;">
<h1 style="font-size: 1.3em;">${msg("passerelleNoticeTitle")}</h1>
<p>${msg("passerelleNoticeIntro", serviceName)}</p>
<table id="passerelle-notice" style="border-collapse: collapse;">
  <tr><th style="text-align: left; padding-right: 1em;">${msg("passerelleNoticeService")}</th><td id="notice-service">${serviceName}</td></tr>
  <tr><th style="text-align: left; padding-right: 1em;">${msg("passerelleNoticeIdp")}</th><td id="notice-idp">${idpName}</td></tr>
  <tr><th style="text-align: left; padding-right: 1em;">${msg("passerelleNoticeLevel")}</th><td id="notice-level">${level}</td></tr>
  <tr><th style="text-align: left; padding-right: 1em;">${msg("passerelleNoticeTime")}</th><td id="notice-time">${time}</td></tr>
  <tr><th style="text-align: left; padding-right: 1em;">${msg("passerelleNoticeCode")}</th><td><strong id="notice-code" style="font-family: monospace; font-size: 1.2em;">${code}</strong></td></tr>
</table>
<p>${msg("passerelleNoticeIfYou")}</p>
<p><strong>${msg("passerelleNoticeIfNotYou")}</strong></p>
<p><a id="notice-report" href="${reportUrl}" style="background: #000091; color: #fff; padding: .5em 1em; text-decoration: none;">${msg("passerelleNoticeReport")}</a></p>
<p><a id="notice-dashboard" href="${dashboardUrl}">${msg("passerelleNoticeDashboard")}</a></p>
<p style="color: #666; font-size: .85em;">${msg("passerelleNoticeFooter", realmName)}</p>
</body>
</html>
