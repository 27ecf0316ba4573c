<#ftl output_format="plainText">
${msg("passerelleNoticeTitle")}

${msg("passerelleNoticeIntro", serviceName)}

${msg("passerelleNoticeService")}: ${serviceName}
${msg("passerelleNoticeIdp")}: ${idpName}
${msg("passerelleNoticeLevel")}: ${level}
${msg("passerelleNoticeTime")}: ${time}
${msg("passerelleNoticeCode")}: ${code}

${msg("passerelleNoticeIfYou")}
${msg("passerelleNoticeIfNotYou")}
${msg("passerelleNoticeReport")}: ${reportUrl}
${msg("passerelleNoticeDashboard")}: ${dashboardUrl}

${msg("passerelleNoticeFooter", realmName)}
