-- Dashboard metric templates: what the help-desk dashboards compute, in PostgreSQL syntax.
--
-- The bundled default of the dashboard_templates setting. Every template runs on every candidate
-- version before a cutover (columnar_etl.load.dashboard): one failing there but working on the live
-- version refuses the cutover; one that cannot apply to the export is reported "not applicable".
-- {schema} is replaced by the candidate schema (quoted); column names are the export's, quoted, and
-- are rewritten when a load uses --column-names snake. Each query starts after its "-- name: <metric>" line; comment lines under it describe the metric. Results are bounded
-- by the data itself (no now()), so a version's report is reproducible.

-- name: ticket_volume_per_week
-- Tickets created per ISO week.
SELECT date_trunc('week', "TKT-Created Time")::date AS week, count(*) AS tickets
FROM {schema}.tickets
WHERE "TKT-Created Time" IS NOT NULL
GROUP BY 1
ORDER BY 1;

-- name: tickets_by_status
SELECT "TKT-Status" AS status, count(*) AS tickets,
       ROUND(100.0 * count(*) / NULLIF(sum(count(*)) OVER (), 0), 2) AS share_pct
FROM {schema}.tickets
GROUP BY 1
ORDER BY 2 DESC, 1;

-- name: tickets_by_priority
SELECT "TKT-Priority" AS priority, count(*) AS tickets
FROM {schema}.tickets
GROUP BY 1
ORDER BY 2 DESC, 1;

-- name: open_backlog
-- Tickets not resolved yet, and how old they are at the end of the export.
WITH export_end AS (SELECT max("TKT-Created Time") AS at FROM {schema}.tickets)
SELECT count(*) AS open_tickets,
       ROUND(avg(EXTRACT(EPOCH FROM (export_end.at - t."TKT-Created Time")) / 86400)::numeric, 2)
         AS mean_age_days,
       count(*) FILTER (WHERE t."TKT-First Response Time" IS NULL) AS never_answered
FROM {schema}.tickets t CROSS JOIN export_end
WHERE t."TKT-Resolved Time" IS NULL;

-- name: open_backlog_by_agent
SELECT "TKT-Agent" AS agent, count(*) AS open_tickets
FROM {schema}.tickets
WHERE "TKT-Resolved Time" IS NULL
GROUP BY 1
ORDER BY 2 DESC, 1;

-- name: mean_resolution_hours
SELECT ROUND(avg(EXTRACT(EPOCH FROM ("TKT-Resolved Time" - "TKT-Created Time")) / 3600)::numeric, 2)
         AS mean_resolution_hours,
       count(*) AS resolved_tickets
FROM {schema}.tickets
WHERE "TKT-Resolved Time" IS NOT NULL AND "TKT-Created Time" IS NOT NULL;

-- name: median_resolution_hours
SELECT ROUND((percentile_cont(0.5) WITHIN GROUP (
         ORDER BY EXTRACT(EPOCH FROM ("TKT-Resolved Time" - "TKT-Created Time")) / 3600))::numeric, 2)
         AS median_resolution_hours
FROM {schema}.tickets
WHERE "TKT-Resolved Time" IS NOT NULL AND "TKT-Created Time" IS NOT NULL;

-- name: resolution_hours_by_priority
SELECT "TKT-Priority" AS priority,
       ROUND(avg(EXTRACT(EPOCH FROM ("TKT-Resolved Time" - "TKT-Created Time")) / 3600)::numeric, 2)
         AS mean_hours,
       ROUND((percentile_cont(0.9) WITHIN GROUP (
         ORDER BY EXTRACT(EPOCH FROM ("TKT-Resolved Time" - "TKT-Created Time")) / 3600))::numeric, 2)
         AS p90_hours
FROM {schema}.tickets
WHERE "TKT-Resolved Time" IS NOT NULL AND "TKT-Created Time" IS NOT NULL
GROUP BY 1
ORDER BY 1;

-- name: sla_breach_rate
SELECT ROUND(100.0 * count(*) FILTER (WHERE "TKT-SLA Breached?") / NULLIF(count("TKT-SLA Breached?"), 0), 2)
         AS breach_rate_pct,
       count(*) FILTER (WHERE "TKT-SLA Breached?") AS breached
FROM {schema}.tickets;

-- name: sla_breach_rate_by_priority
SELECT "TKT-Priority" AS priority,
       ROUND(100.0 * count(*) FILTER (WHERE "TKT-SLA Breached?") / NULLIF(count("TKT-SLA Breached?"), 0), 2)
         AS breach_rate_pct
FROM {schema}.tickets
GROUP BY 1
ORDER BY 1;

-- name: first_response_hours
SELECT ROUND(avg(EXTRACT(EPOCH FROM ("TKT-First Response Time" - "TKT-Created Time")) / 3600)::numeric, 2)
         AS mean_hours,
       ROUND((percentile_cont(0.5) WITHIN GROUP (
         ORDER BY EXTRACT(EPOCH FROM ("TKT-First Response Time" - "TKT-Created Time")) / 3600))::numeric, 2)
         AS median_hours
FROM {schema}.tickets
WHERE "TKT-First Response Time" IS NOT NULL AND "TKT-Created Time" IS NOT NULL;

-- name: first_response_hours_by_agent
SELECT "TKT-Agent" AS agent,
       ROUND(avg(EXTRACT(EPOCH FROM ("TKT-First Response Time" - "TKT-Created Time")) / 3600)::numeric, 2)
         AS mean_hours
FROM {schema}.tickets
WHERE "TKT-First Response Time" IS NOT NULL AND "TKT-Created Time" IS NOT NULL
GROUP BY 1
ORDER BY 2, 1;

-- name: resolved_after_due_date
-- Share of resolved tickets closed after their due date.
SELECT ROUND(100.0 * count(*) FILTER (WHERE "TKT-Resolved Time"::date > "TKT-Due Date")
             / NULLIF(count(*), 0), 2) AS late_pct
FROM {schema}.tickets
WHERE "TKT-Resolved Time" IS NOT NULL AND "TKT-Due Date" IS NOT NULL;

-- name: comments_per_ticket
SELECT ROUND(avg(coalesce(c.n, 0)), 2) AS mean_comments, coalesce(max(c.n), 0) AS max_comments,
       count(*) FILTER (WHERE c.n IS NULL) AS tickets_without_comments
FROM {schema}.tickets t
LEFT JOIN (SELECT "CMT-Ticket ID" AS ticket, count(*) AS n
           FROM {schema}.comments GROUP BY 1) c ON c.ticket = t."TKT-Ticket ID";

-- name: public_comment_share
SELECT ROUND(100.0 * count(*) FILTER (WHERE "CMT-Is Public?") / NULLIF(count("CMT-Is Public?"), 0), 2)
         AS public_pct
FROM {schema}.comments;

-- name: hours_per_agent
SELECT "TS-Agent" AS agent, ROUND(SUM("TS-Hours")::numeric, 2) AS hours,
       ROUND(SUM("TS-Hours") FILTER (WHERE "TS-Billable?")::numeric, 2) AS billable_hours
FROM {schema}.timesheets
GROUP BY 1
ORDER BY 2 DESC NULLS LAST, 1;

-- name: billable_share
SELECT ROUND((100.0 * SUM("TS-Hours") FILTER (WHERE "TS-Billable?") / NULLIF(SUM("TS-Hours"), 0))::numeric, 2)
         AS billable_pct,
       ROUND(SUM("TS-Hours")::numeric, 2) AS total_hours
FROM {schema}.timesheets;

-- name: billable_revenue_per_week
SELECT date_trunc('week', "TS-Date")::date AS week,
       ROUND(SUM("TS-Hours" * "TS-Rate") FILTER (WHERE "TS-Billable?")::numeric, 2) AS revenue
FROM {schema}.timesheets
WHERE "TS-Date" IS NOT NULL
GROUP BY 1
ORDER BY 1;

-- name: hours_per_ticket_by_priority
SELECT t."TKT-Priority" AS priority, ROUND(avg(h.hours)::numeric, 2) AS mean_hours_per_ticket
FROM {schema}.tickets t
JOIN (SELECT "TS-Ticket ID" AS ticket, SUM("TS-Hours") AS hours
      FROM {schema}.timesheets GROUP BY 1) h ON h.ticket = t."TKT-Ticket ID"
GROUP BY 1
ORDER BY 1;

-- name: satisfaction_by_agent
SELECT "TKT-Agent" AS agent, ROUND(avg("TKT-Satisfaction")::numeric, 2) AS mean_satisfaction,
       count("TKT-Satisfaction") AS surveys
FROM {schema}.tickets
GROUP BY 1
ORDER BY 2 DESC NULLS LAST, 1;

-- name: busiest_hours
-- Tickets created per hour of the day.
SELECT EXTRACT(HOUR FROM "TKT-Created Time")::int AS hour, count(*) AS tickets
FROM {schema}.tickets
WHERE "TKT-Created Time" IS NOT NULL
GROUP BY 1
ORDER BY 1;
