SELECT
  count(*) AS row_count,
  histogram(code0) AS c0_codes,
  approx_count_distinct(r0) AS c0_distinct,
  min(d0) AS c0_min_day_first,
  max(d0) AS c0_max_day_first,
  min(dm0) AS c0_min_month_first,
  max(dm0) AS c0_max_month_first,
  min(n0) AS c0_min_number,
  max(n0) AS c0_max_number,
  max(CASE WHEN k0 IN (21, 23) THEN length(t0) - strpos(replace(t0, ',', '.'), '.') END) AS c0_max_scale,
  min(CASE WHEN k0 > 2 THEN t0 END) AS c0_min_text,
  max(CASE WHEN k0 > 2 THEN t0 END) AS c0_max_text,
  min(DISTINCT CASE WHEN k0 = 2 THEN r0 END, 5) AS c0_ex_null_like,
  min(DISTINCT CASE WHEN r0 <> t0 AND t0 <> '' THEN r0 END, 5) AS c0_ex_whitespace,
  min(DISTINCT CASE WHEN k0 = 99 THEN r0 END, 5) AS c0_ex_other,
  min(DISTINCT CASE WHEN k0 IN (10, 11, 16, 12, 15, 13, 14) AND d0 IS NULL THEN r0 END, 5) AS c0_ex_bad_day_first,
  min(DISTINCT CASE WHEN k0 IN (12, 15, 14) AND dm0 IS NULL THEN r0 END, 5) AS c0_ex_bad_month_first,
  min(DISTINCT CASE WHEN k0 IN (10, 11, 16, 12, 15, 13, 14) AND k0 NOT IN (10, 13) THEN r0 END, 5) AS c0_ex_non_iso,
  min(DISTINCT CASE WHEN k0 = 23 THEN r0 END, 5) AS c0_ex_comma,
  min(DISTINCT CASE WHEN contains(r0, chr(0)) THEN r0 END, 5) AS c0_ex_nul
FROM (
SELECT
  r0,
  t0,
  k0,
  d0,
  dm0,
  n0,
  k0 * 2048 + CASE WHEN t0 = '1' OR (k0 = 30 AND list_contains(['true', 'yes', 'y', 't'], lower(t0))) THEN 1 ELSE 0 END + CASE WHEN k0 IN (12, 15, 14) AND try_cast(split_part(t0, '/', 2) AS INTEGER) > 12 THEN 2 ELSE 0 END + CASE WHEN k0 IN (12, 15, 14) AND try_cast(split_part(t0, '/', 1) AS INTEGER) > 12 THEN 4 ELSE 0 END + CASE WHEN contains(r0, chr(0)) THEN 8 ELSE 0 END + CASE WHEN strlen(r0) <> strlen(t0) AND t0 <> '' THEN 16 ELSE 0 END + CASE WHEN dm0 IS NOT NULL THEN 32 ELSE 0 END + CASE WHEN d0 IS NOT NULL THEN 64 ELSE 0 END + CASE WHEN t0 = '0' OR t0 = '1' THEN 128 ELSE 0 END + CASE WHEN k0 = 99 AND contains(t0, '@') AND regexp_full_match(t0, '[A-Za-z0-9._%+''-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}') THEN 256 ELSE 0 END + CASE WHEN k0 = 99 AND strlen(t0) <= 24 AND (ascii(t0) BETWEEN 48 AND 57 OR ascii(t0) IN (40, 43)) AND regexp_full_match(t0, '\+?\(?\d[\d ().-]{5,18}\d') THEN 512 ELSE 0 END + CASE WHEN k0 = 99 AND strlen(t0) <= 40 AND contains(t0, ' ') AND regexp_full_match(t0, '\p{Lu}[\p{Ll}''’-]+(\p{Lu}\p{Ll}+)?( \p{Lu}[\p{Ll}''’-]+(\p{Lu}\p{Ll}+)?){1,2}') THEN 1024 ELSE 0 END AS code0
FROM (
SELECT
  r0,
  t0,
  k0,
  CASE k0 WHEN 10 THEN try_strptime(t0, '%Y-%m-%d %H:%M:%S') WHEN 11 THEN try_strptime(t0, '%Y-%m-%dT%H:%M:%S.%f') WHEN 16 THEN try_strptime(t0, '%Y-%m-%dT%H:%M:%S') WHEN 12 THEN try_strptime(t0, '%d/%m/%Y %H:%M') WHEN 15 THEN try_strptime(t0, '%d/%m/%Y %H:%M:%S') WHEN 13 THEN try_strptime(t0, '%Y-%m-%d') WHEN 14 THEN try_strptime(t0, '%d/%m/%Y') END AS d0,
  CASE WHEN k0 IN (12, 15, 14) THEN CASE k0 WHEN 12 THEN try_strptime(t0, '%m/%d/%Y %H:%M') WHEN 15 THEN try_strptime(t0, '%m/%d/%Y %H:%M:%S') WHEN 14 THEN try_strptime(t0, '%m/%d/%Y') END ELSE CASE k0 WHEN 10 THEN try_strptime(t0, '%Y-%m-%d %H:%M:%S') WHEN 11 THEN try_strptime(t0, '%Y-%m-%dT%H:%M:%S.%f') WHEN 16 THEN try_strptime(t0, '%Y-%m-%dT%H:%M:%S') WHEN 12 THEN try_strptime(t0, '%d/%m/%Y %H:%M') WHEN 15 THEN try_strptime(t0, '%d/%m/%Y %H:%M:%S') WHEN 13 THEN try_strptime(t0, '%Y-%m-%d') WHEN 14 THEN try_strptime(t0, '%d/%m/%Y') END END AS dm0,
  CASE WHEN k0 IN (20, 21, 22, 23) THEN try_cast(replace(t0, ',', '.') AS DOUBLE) END AS n0
FROM (
SELECT
  r0,
  t0,
  CASE WHEN r0 IS NULL THEN 0 WHEN t0 = '' THEN 1 WHEN NOT (ascii(t0) BETWEEN 48 AND 57 OR ascii(t0) IN (43, 45, 46)) THEN CASE WHEN strlen(t0) <= 5 AND list_contains(['true', 'yes', 'y', 't', 'false', 'no', 'n', 'f'], lower(t0)) THEN 30 ELSE 99 END WHEN regexp_full_match(t0, '[+-]?\d{1,18}') THEN 20 WHEN t0[5] = '-' THEN CASE WHEN regexp_full_match(t0, '\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}') THEN 10 WHEN regexp_full_match(t0, '\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,6}') THEN 11 WHEN regexp_full_match(t0, '\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}') THEN 16 WHEN regexp_full_match(t0, '\d{4}-\d{2}-\d{2}') THEN 13 ELSE 99 END WHEN contains(t0, '/') THEN CASE WHEN regexp_full_match(t0, '\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}') THEN 12 WHEN regexp_full_match(t0, '\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2}') THEN 15 WHEN regexp_full_match(t0, '\d{1,2}/\d{1,2}/\d{4}') THEN 14 ELSE 99 END ELSE CASE WHEN regexp_full_match(t0, '[+-]?(\d+\.\d*|\.\d+)') THEN 21 WHEN regexp_full_match(t0, '[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+') THEN 22 WHEN regexp_full_match(t0, '[+-]?\d+,\d+') THEN 23 ELSE 99 END END AS k0
FROM (
SELECT
  "TKT-Ticket ID" AS r0,
  trim("TKT-Ticket ID", ' ' || chr(9) || chr(10) || chr(13)) AS t0
FROM (SELECT * FROM src."tickets" USING SAMPLE reservoir(500 ROWS) REPEATABLE (42)) AS src_rows
) AS trimmed
) AS shaped
) AS parsed
) AS coded
