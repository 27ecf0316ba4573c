<#ftl output_format="plainText">
${msg("passerelleReportMailTitle")}

${msg("passerelleReportMailId")}: ${reportId}
${msg("passerelleNoticeCode")}: ${code}
${msg("passerelleNoticeService")}: ${serviceName}
${msg("passerelleNoticeIdp")}: ${idpName}
${msg("passerelleNoticeLevel")}: ${level}
${msg("passerelleNoticeTime")}: ${time}
${msg("passerelleReportMailSession")}: ${sessionId!""}
${msg("passerelleReportMailIdentity")}: ${identityKey!""}

${msg("passerelleReportMailTraces", traceCount)}
${traces}
