package fr.passerelle.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import fr.passerelle.trace.TraceRecord;

/**
 * What a person sees of their own traces: connections (SP, IdP, level, time) and data exchanges (DP, SP,
 * data, time) of the last {@value #MONTHS} months, newest first.
 */
public record Dashboard(List<Connection> connections, List<DataExchange> exchanges) {

    public static final int MONTHS = 6;

    public record Connection(String sp, String idp, String level, Instant time) {
    }

    public record DataExchange(String dp, String sp, List<String> scopes, Instant time) {
    }

    /** The oldest instant the dashboard shows: {@value #MONTHS} calendar months before now (UTC). */
    public static Instant since(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(MONTHS).toInstant();
    }

    public static Dashboard of(List<TraceRecord> traces, Instant now) {
        Instant since = since(now);
        List<TraceRecord> shown = traces.stream()
                .filter(t -> !t.time().isBefore(since))
                .sorted(Comparator.comparing(TraceRecord::time).reversed())
                .toList();
        return new Dashboard(
                shown.stream().filter(t -> t.event().isConnection())
                        .map(t -> new Connection(t.sp(), t.idp(), t.level(), t.time())).toList(),
                shown.stream().filter(t -> t.event().isDataExchange())
                        .map(t -> new DataExchange(t.dp(), t.sp(), t.scopes() == null ? List.of() : List.of(t.scopes().split(" ")), t.time()))
                        .toList());
    }
}
