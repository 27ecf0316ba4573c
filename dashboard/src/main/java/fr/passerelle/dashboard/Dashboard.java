package fr.passerelle.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import fr.passerelle.names.TraceEvent;

/**
 * What a person sees of their own traces over the last {@value #MONTHS} months: connections grouped per service
 * and IdP, data exchanges grouped per data provider, service and data, each with a count and the first and last
 * time, newest first, a page at a time. The grouping is done by the database, so that thousands of exchanges
 * are a handful of rows and never push the connections off the page.
 */
public final class Dashboard {

    public static final int MONTHS = 6;
    public static final int PAGE_SIZE = 20;

    private Dashboard() {
    }

    public record ConnectionGroup(String sp, String idp, long count, Instant first, Instant last) {
    }

    public record ExchangeGroup(String dp, String sp, List<String> data, long count, Instant first, Instant last) {

        public static ExchangeGroup of(String dp, String sp, String scopes, long count, Instant first, Instant last) {
            return new ExchangeGroup(dp, sp, scopes == null || scopes.isBlank() ? List.of() : List.of(scopes.trim().split(" ")),
                    count, first, last);
        }
    }

    /** One page of a list: its rows, its number (from 1), how many pages and rows in all. */
    public record Page<T>(List<T> rows, int number, int pages, int total) {

        /** The requested page of the list, clamped to the pages that exist. */
        public static <T> Page<T> of(List<T> all, int requested, int size) {
            int pages = Math.max(1, (all.size() + size - 1) / size);
            int number = Math.min(Math.max(1, requested), pages);
            int from = (number - 1) * size;
            return new Page<>(all.subList(from, Math.min(all.size(), from + size)), number, pages, all.size());
        }
    }

    /** The oldest instant the dashboard shows: {@value #MONTHS} calendar months before now (UTC). */
    public static Instant since(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(MONTHS).toInstant();
    }

    /** The event codes the dashboard lists as connections. */
    public static List<String> connectionEvents() {
        return Arrays.stream(TraceEvent.values()).filter(TraceEvent::isConnection).map(TraceEvent::code).toList();
    }

    /** The event codes the dashboard lists as data exchanges. */
    public static List<String> exchangeEvents() {
        return Arrays.stream(TraceEvent.values()).filter(TraceEvent::isDataExchange).map(TraceEvent::code).toList();
    }
}
