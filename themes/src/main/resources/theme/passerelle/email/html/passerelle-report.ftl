<html lang="${locale.language}">
<body style="font-family: Arial, sans-serif;">
<h1 style="font-size: 1.2em;">${msg("passerelleReportMailTitle")}</h1>
<table>
  <tr><th style="text-align: left;">${msg("passerelleReportMailId")}</th><td id="report-id">${reportId}</td></tr>
  <tr><th style="text-align: left;">${msg("passerelleNoticeCode")}</th><td id="report-code">${code}</td></tr>
  <tr><th style="text-align: left;">${msg("passerelleNoticeService")}</th><td>${serviceName}</td></tr>
  <tr><th style="text-align: left;">${msg("passerelleNoticeIdp")}</th><td>${idpName}</td></tr>
  <tr><th style="text-align: left;">${msg("passerelleNoticeLevel")}</th><td>${level}</td></tr>
  <tr><th style="text-align: left;">${msg("passerelleNoticeTime")}</th><td>${time}</td></tr>
  <tr><th style="text-align: left;">${msg("passerelleReportMailSession")}</th><td>${sessionId!""}</td></tr>
  <tr><th style="text-align: left;">${msg("passerelleReportMailIdentity")}</th><td>${identityKey!""}</td></tr>
</table>
<h2 style="font-size: 1em;">${msg("passerelleReportMailTraces", traceCount)}</h2>
<pre>${traces}</pre>
</body>
</html>
