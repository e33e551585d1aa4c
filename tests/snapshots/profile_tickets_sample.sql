SELECT * FROM (WITH coded_groups AS MATERIALIZED (
SELECT
  idx,
  code0 AS code,
  sum(weight) AS cells,
  count(r0) AS distinct_values,
  sum(weight * nb0) AS bytes,
  min(r0, 5) AS examples,
  min(d0) AS min_day_first,
  max(d0) AS max_day_first,
  min(dm0) AS min_month_first,
  max(dm0) AS max_month_first,
  min(n0) AS min_number,
  max(n0) AS max_number,
  min(g0) AS min_grouped,
  max(g0) AS max_grouped,
  max(CASE WHEN k0 IN (21, 46, 23, 43) THEN length(t0) - CASE WHEN k0 = 43 THEN strpos(t0, '.') ELSE strpos(replace(t0, ',', '.'), '.') END END) AS max_scale,
  max(CASE WHEN k0 = 20 THEN length(ltrim(t0, '+-')) WHEN k0 = 42 THEN length(replace(ltrim(t0, '+-'), ',', '')) END) AS max_digits,
  min(CASE WHEN k0 > 2 AND k0 <> 40 THEN t0 END) AS min_text,
  max(CASE WHEN k0 > 2 AND k0 <> 40 THEN t0 END) AS max_text,
  min(CASE WHEN k0 >= 2 AND k0 <> 40 THEN strlen(t0) END) AS min_value_bytes,
  max(CASE WHEN k0 >= 2 AND k0 <> 40 THEN strlen(t0) END) AS max_value_bytes
FROM (
SELECT
  idx,
  weight,
  sc0,
  e0,
  nb0,
  r0,
  t0,
  k0,
  d0,
  CASE WHEN k0 IN (12, 15, 27, 28, 48, 49, 50, 14) THEN mf0 ELSE d0 END AS dm0,
  n0,
  g0,
  (sc0 * 128 + k0) * 524288 + CASE WHEN sc0 = 1 AND k0 = 20 THEN CASE WHEN t0 = '1' THEN 129 WHEN t0 = '0' THEN 128 WHEN strlen(t0) > 15 AND length(rtrim(ltrim(t0, '-'), '0')) > 15 THEN 16384 ELSE 0 END WHEN sc0 = 2 AND k0 IN (21, 22) THEN 0 ELSE CASE WHEN t0 = '1' OR (k0 = 30 AND list_contains(['true', 'yes', 'y', 't'], lower(t0))) THEN 1 ELSE 0 END + CASE WHEN k0 IN (12, 15, 27, 28, 48, 49, 50, 14) AND try_cast(split_part(replace(t0, '-', '/'), '/', 2) AS INTEGER) > 12 THEN 2 ELSE 0 END + CASE WHEN k0 IN (12, 15, 27, 28, 48, 49, 50, 14) AND try_cast(split_part(replace(t0, '-', '/'), '/', 1) AS INTEGER) > 12 THEN 4 ELSE 0 END + CASE WHEN contains(r0, chr(0)) THEN 8 ELSE 0 END + CASE WHEN strlen(r0) <> strlen(t0) AND t0 <> '' THEN 16 ELSE 0 END + CASE WHEN CASE WHEN k0 IN (12, 15, 27, 28, 48, 49, 50, 14) THEN mf0 ELSE d0 END IS NOT NULL THEN 32 ELSE 0 END + CASE WHEN d0 IS NOT NULL THEN 64 ELSE 0 END + CASE WHEN t0 = '0' OR t0 = '1' THEN 128 ELSE 0 END + CASE WHEN k0 = 99 AND contains(t0, '@') AND regexp_full_match(t0, '[A-Za-z0-9._%+''-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}') THEN 256 ELSE 0 END + CASE WHEN k0 = 99 AND strlen(t0) <= 24 AND (unicode(t0) BETWEEN 48 AND 57 OR unicode(t0) IN (40, 43)) AND regexp_full_match(t0, '\+?\(?\d[\d ().-]{5,18}\d') THEN 512 ELSE 0 END + CASE WHEN k0 = 99 AND strlen(t0) <= 40 AND contains(t0, ' ') AND regexp_full_match(t0, '[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿĀ-ſ''’-]+([A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿĀ-ſ]+)?( [A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿĀ-ſ''’-]+([A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿĀ-ſ]+)?){1,2}') THEN 1024 ELSE 0 END + CASE WHEN k0 IN (20, 21, 46) AND NOT regexp_full_match(t0, '(0|[1-9]\d*)(\.\d+)?|-(0\.\d*[1-9]\d*|[1-9]\d*(\.\d+)?)') THEN 2048 ELSE 0 END + CASE WHEN k0 = 20 AND try_cast(t0 AS BIGINT) IS NULL THEN 8192 ELSE 0 END + CASE WHEN e0 THEN 4096 ELSE 0 END + CASE WHEN sc0 = 3 AND k0 IN (20, 21, 46, 22, 47, 23, 41, 42, 43) AND (length(rtrim(ltrim(regexp_replace(regexp_replace(t0, '[eE].*$', ''), '[^0-9]', '', 'g'), '0'), '0')) > 15 OR (abs(try_cast(replace(t0, ',', '.') AS DOUBLE)) < 2.2250738585072014e-308 AND try_cast(replace(t0, ',', '.') AS DOUBLE) <> 0)) THEN 16384 ELSE 0 END + CASE WHEN k0 = 99 THEN CASE WHEN strlen(t0) > 32 THEN 0 WHEN regexp_full_match(t0, '[A-ZÀ-ÖØ-ÞĀ-ſa-zß-öø-ÿĀ-ſ]+') THEN CASE WHEN regexp_full_match(t0, '[A-Z]+') THEN 32768 WHEN regexp_full_match(t0, '[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿĀ-ſ]+') THEN 65536 WHEN regexp_full_match(t0, '[a-zß-öø-ÿĀ-ſ]+') THEN 131072 ELSE 0 END WHEN regexp_matches(t0, '[0-9０-９٠-٩۰-۹०-९¹²³¼-¾]') THEN 262144 ELSE 0 END WHEN k0 IN (2, 30) THEN CASE WHEN strlen(t0) > 32 THEN 0 WHEN regexp_full_match(t0, '[A-ZÀ-ÖØ-ÞĀ-ſa-zß-öø-ÿĀ-ſ]+') THEN CASE WHEN regexp_full_match(t0, '[A-Z]+') THEN 32768 WHEN regexp_full_match(t0, '[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿĀ-ſ]+') THEN 65536 WHEN regexp_full_match(t0, '[a-zß-öø-ÿĀ-ſ]+') THEN 131072 ELSE 0 END ELSE 0 END ELSE 0 END END AS code0
FROM (
SELECT
  idx,
  weight,
  sc0,
  e0,
  nb0,
  r0,
  t0,
  k0,
  CASE k0 WHEN 10 THEN CASE WHEN NOT (contains(t0, ' 24:') OR contains(t0, 'T24:') OR starts_with(t0, '0000')) THEN try_cast(t0 AS TIMESTAMP) END WHEN 11 THEN CASE WHEN NOT (contains(t0, ' 24:') OR contains(t0, 'T24:') OR starts_with(t0, '0000')) THEN try_cast(t0 AS TIMESTAMP) END WHEN 16 THEN CASE WHEN NOT (contains(t0, ' 24:') OR contains(t0, 'T24:') OR starts_with(t0, '0000')) THEN try_cast(t0 AS TIMESTAMP) END WHEN 19 THEN CASE WHEN NOT (contains(t0, ' 24:') OR contains(t0, 'T24:') OR starts_with(t0, '0000')) THEN try_cast(t0 AS TIMESTAMP) END WHEN 17 THEN CASE WHEN NOT (contains(t0, ' 24:') OR contains(t0, 'T24:') OR starts_with(t0, '0000')) THEN try_cast(t0 AS TIMESTAMP) END WHEN 36 THEN CASE WHEN NOT (contains(t0, ' 24:') OR contains(t0, 'T24:')) AND make_timestamp(epoch_us(try_cast(t0 AS TIMESTAMPTZ))) BETWEEN TIMESTAMP '0001-01-01 00:00:00' AND TIMESTAMP '9999-12-31 23:59:59.999999' THEN make_timestamp(epoch_us(try_cast(t0 AS TIMESTAMPTZ))) END WHEN 37 THEN CASE WHEN NOT (contains(t0, ' 24:') OR contains(t0, 'T24:')) AND make_timestamp(epoch_us(try_cast(t0 AS TIMESTAMPTZ))) BETWEEN TIMESTAMP '0001-01-01 00:00:00' AND TIMESTAMP '9999-12-31 23:59:59.999999' THEN make_timestamp(epoch_us(try_cast(t0 AS TIMESTAMPTZ))) END WHEN 38 THEN CASE WHEN NOT (contains(t0, ' 24:') OR contains(t0, 'T24:')) AND make_timestamp(epoch_us(try_cast(t0 AS TIMESTAMPTZ))) BETWEEN TIMESTAMP '0001-01-01 00:00:00' AND TIMESTAMP '9999-12-31 23:59:59.999999' THEN make_timestamp(epoch_us(try_cast(t0 AS TIMESTAMPTZ))) END WHEN 39 THEN CASE WHEN NOT (contains(t0, ' 24:') OR contains(t0, 'T24:')) AND make_timestamp(epoch_us(try_cast(t0 AS TIMESTAMPTZ))) BETWEEN TIMESTAMP '0001-01-01 00:00:00' AND TIMESTAMP '9999-12-31 23:59:59.999999' THEN make_timestamp(epoch_us(try_cast(t0 AS TIMESTAMPTZ))) END WHEN 40 THEN CASE WHEN NOT (contains(t0, ' 24:') OR contains(t0, 'T24:')) AND make_timestamp(epoch_us(try_cast(t0 AS TIMESTAMPTZ))) BETWEEN TIMESTAMP '0001-01-01 00:00:00' AND TIMESTAMP '9999-12-31 23:59:59.999999' THEN make_timestamp(epoch_us(try_cast(t0 AS TIMESTAMPTZ))) END WHEN 44 THEN CASE WHEN NOT (contains((t0[1:19] || t0[21:]), ' 24:') OR contains((t0[1:19] || t0[21:]), 'T24:')) AND make_timestamp(epoch_us(try_cast((t0[1:19] || t0[21:]) AS TIMESTAMPTZ))) BETWEEN TIMESTAMP '0001-01-01 00:00:00' AND TIMESTAMP '9999-12-31 23:59:59.999999' THEN make_timestamp(epoch_us(try_cast((t0[1:19] || t0[21:]) AS TIMESTAMPTZ))) END WHEN 45 THEN CASE WHEN NOT (contains(t0, ' 24:') OR contains(t0, 'T24:')) AND make_timestamp(epoch_us(try_cast(t0 AS TIMESTAMPTZ))) BETWEEN TIMESTAMP '0001-01-01 00:00:00' AND TIMESTAMP '9999-12-31 23:59:59.999999' THEN make_timestamp(epoch_us(try_cast(t0 AS TIMESTAMPTZ))) END WHEN 18 THEN CASE WHEN NOT (contains(t0, ' 24:') OR contains(t0, 'T24:') OR starts_with(t0, '0000')) THEN try_cast(t0 AS TIMESTAMP) END WHEN 12 THEN CASE WHEN NOT contains(t0, '/0000') THEN try_strptime(t0, '%d/%m/%Y %H:%M') END WHEN 15 THEN CASE WHEN NOT contains(t0, '/0000') THEN try_strptime(t0, '%d/%m/%Y %H:%M:%S') END WHEN 27 THEN CASE WHEN NOT contains(t0, '/0000') THEN try_strptime(t0, '%d/%m/%Y %I:%M %p') END WHEN 28 THEN CASE WHEN NOT contains(t0, '/0000') THEN try_strptime(t0, '%d/%m/%Y %I:%M:%S %p') END WHEN 13 THEN CASE WHEN NOT starts_with(t0, '0000') THEN try_cast(t0 AS TIMESTAMP) END WHEN 48 THEN CASE WHEN NOT contains(t0, '-0000') THEN try_strptime(t0, '%d-%m-%Y') END WHEN 49 THEN CASE WHEN NOT contains(t0, '-0000') THEN try_strptime(t0, '%d-%m-%Y %H:%M') END WHEN 50 THEN CASE WHEN NOT contains(t0, '-0000') THEN try_strptime(t0, '%d-%m-%Y %H:%M:%S') END WHEN 14 THEN CASE WHEN NOT contains(t0, '/0000') THEN try_strptime(t0, '%d/%m/%Y') END WHEN 29 THEN CASE WHEN NOT starts_with(t0, '0000') THEN try_strptime(t0, '%Y/%m/%d') END WHEN 31 THEN CASE WHEN NOT starts_with(t0, '0000') THEN try_strptime(t0, '%Y/%m/%d %H:%M') END WHEN 32 THEN CASE WHEN NOT starts_with(t0, '0000') THEN try_strptime(t0, '%Y/%m/%d %H:%M:%S') END WHEN 33 THEN CASE WHEN NOT ends_with(t0, '0000') THEN try_strptime(t0, '%d %b %Y') END WHEN 34 THEN CASE WHEN NOT ends_with(t0, '0000') THEN try_strptime(t0, '%d-%b-%Y') END WHEN 35 THEN CASE WHEN NOT ends_with(t0, '0000') THEN try_strptime(t0, '%b %d, %Y') END WHEN 24 THEN CASE WHEN NOT contains(t0, '.0000') THEN try_strptime(t0, '%d.%m.%Y') END WHEN 25 THEN CASE WHEN NOT contains(t0, '.0000') THEN try_strptime(t0, '%d.%m.%Y %H:%M') END WHEN 26 THEN CASE WHEN NOT contains(t0, '.0000') THEN try_strptime(t0, '%d.%m.%Y %H:%M:%S') END END AS d0,
  CASE k0 WHEN 12 THEN CASE WHEN NOT contains(t0, '/0000') THEN try_strptime(t0, '%m/%d/%Y %H:%M') END WHEN 15 THEN CASE WHEN NOT contains(t0, '/0000') THEN try_strptime(t0, '%m/%d/%Y %H:%M:%S') END WHEN 27 THEN CASE WHEN NOT contains(t0, '/0000') THEN try_strptime(t0, '%m/%d/%Y %I:%M %p') END WHEN 28 THEN CASE WHEN NOT contains(t0, '/0000') THEN try_strptime(t0, '%m/%d/%Y %I:%M:%S %p') END WHEN 48 THEN CASE WHEN NOT contains(t0, '-0000') THEN try_strptime(t0, '%m-%d-%Y') END WHEN 49 THEN CASE WHEN NOT contains(t0, '-0000') THEN try_strptime(t0, '%m-%d-%Y %H:%M') END WHEN 50 THEN CASE WHEN NOT contains(t0, '-0000') THEN try_strptime(t0, '%m-%d-%Y %H:%M:%S') END WHEN 14 THEN CASE WHEN NOT contains(t0, '/0000') THEN try_strptime(t0, '%m/%d/%Y') END END AS mf0,
  CASE WHEN k0 IN (20, 21, 46, 22, 47, 23) THEN try_cast(replace(t0, ',', '.') AS DOUBLE) END AS n0,
  CASE WHEN k0 IN (41, 42, 43) THEN try_cast(replace(t0, ',', '') AS DOUBLE) END AS g0
FROM (
SELECT
  idx,
  weight,
  r0,
  t0,
  CASE WHEN r0 IS NULL THEN 0 WHEN sc0 = 4 THEN 40 WHEN t0 = '' THEN 1 WHEN sc0 = 1 THEN 20 WHEN sc0 = 2 THEN CASE WHEN contains(t0, 'e') THEN 22 WHEN contains(t0, '.') THEN 21 WHEN lower(t0) IN ('inf', '-inf') THEN 59 ELSE 99 END WHEN NOT (unicode(t0) BETWEEN 48 AND 57 OR unicode(t0) IN (43, 45, 46)) THEN CASE WHEN strlen(t0) <= 5 AND list_contains(['true', 'yes', 'y', 't', 'false', 'no', 'n', 'f'], lower(t0)) THEN 30 WHEN strlen(t0) BETWEEN 10 AND 11 AND regexp_full_match(t0, '\d{1,2} [A-Za-z]{3} \d{4}') THEN 33 WHEN strlen(t0) BETWEEN 10 AND 11 AND regexp_full_match(t0, '\d{1,2}-[A-Za-z]{3}-\d{4}') THEN 34 WHEN strlen(t0) BETWEEN 11 AND 12 AND regexp_full_match(t0, '[A-Za-z]{3} \d{1,2}, \d{4}') THEN 35 ELSE 99 END WHEN t0[5] = '-' THEN CASE WHEN strlen(t0) BETWEEN 19 AND 19 AND regexp_full_match(t0, '\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}') THEN 10 WHEN strlen(t0) BETWEEN 21 AND 26 AND regexp_full_match(t0, '\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,6}') THEN 11 WHEN strlen(t0) BETWEEN 19 AND 19 AND regexp_full_match(t0, '\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}') THEN 16 WHEN strlen(t0) BETWEEN 21 AND 26 AND regexp_full_match(t0, '\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{1,6}') THEN 19 WHEN strlen(t0) BETWEEN 16 AND 16 AND regexp_full_match(t0, '\d{4}-\d{2}-\d{2} \d{2}:\d{2}') THEN 17 WHEN strlen(t0) BETWEEN 25 AND 25 AND regexp_full_match(t0, '\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+00:00') THEN 36 WHEN strlen(t0) BETWEEN 20 AND 25 AND regexp_full_match(t0, '\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:Z|[+-](?:0\d|1[0-4])(?::?[0-5]\d)?)') THEN 37 WHEN strlen(t0) BETWEEN 22 AND 32 AND regexp_full_match(t0, '\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{1,6}(?:Z|[+-](?:0\d|1[0-4])(?::?[0-5]\d)?)') THEN 38 WHEN strlen(t0) BETWEEN 20 AND 25 AND regexp_full_match(t0, '\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-](?:0\d|1[0-4])(?::?[0-5]\d)?)') THEN 39 WHEN strlen(t0) BETWEEN 22 AND 32 AND regexp_full_match(t0, '\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,6}(?:Z|[+-](?:0\d|1[0-4])(?::?[0-5]\d)?)') THEN 40 WHEN strlen(t0) BETWEEN 25 AND 25 AND regexp_full_match(t0, '\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-](?:0\d|1[0-4])[0-5]\d') THEN 44 WHEN strlen(t0) BETWEEN 23 AND 23 AND regexp_full_match(t0, '\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC') THEN 45 WHEN strlen(t0) BETWEEN 16 AND 16 AND regexp_full_match(t0, '\d{4}-\d{2}-\d{2}T\d{2}:\d{2}') THEN 18 WHEN strlen(t0) BETWEEN 10 AND 10 AND regexp_full_match(t0, '\d{4}-\d{2}-\d{2}') THEN 13 WHEN strlen(t0) BETWEEN 8 AND 10 AND regexp_full_match(t0, '\d{1,2}-\d{1,2}-\d{4}') THEN 48 WHEN strlen(t0) BETWEEN 13 AND 16 AND regexp_full_match(t0, '\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}') THEN 49 WHEN strlen(t0) BETWEEN 16 AND 19 AND regexp_full_match(t0, '\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}:\d{2}') THEN 50 ELSE CASE WHEN regexp_full_match(t0, '-?[1-9]\d{0,2}\.\d{3}') THEN 46 WHEN regexp_full_match(t0, '[+-]?(\d+\.\d*|\.\d+)') THEN 21 WHEN regexp_full_match(t0, '[+-]?\d+[eE]\d+') THEN 47 WHEN regexp_full_match(t0, '[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+') THEN 22 WHEN regexp_full_match(t0, '-?[1-9]\d{0,2},\d{3}') THEN 41 WHEN regexp_full_match(t0, '-?[1-9]\d{0,2}(,\d{3}){2,}') THEN 42 WHEN regexp_full_match(t0, '-?[1-9]\d{0,2}(,\d{3})+\.\d+') THEN 43 WHEN regexp_full_match(t0, '[+-]?\d+,\d+') THEN 23 ELSE 99 END END WHEN contains(t0, '/') THEN CASE WHEN strlen(t0) BETWEEN 13 AND 16 AND regexp_full_match(t0, '\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}') THEN 12 WHEN strlen(t0) BETWEEN 16 AND 19 AND regexp_full_match(t0, '\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2}') THEN 15 WHEN strlen(t0) BETWEEN 16 AND 19 AND regexp_full_match(t0, '\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2} [AaPp][Mm]') THEN 27 WHEN strlen(t0) BETWEEN 19 AND 22 AND regexp_full_match(t0, '\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2} [AaPp][Mm]') THEN 28 WHEN strlen(t0) BETWEEN 8 AND 10 AND regexp_full_match(t0, '\d{1,2}/\d{1,2}/\d{4}') THEN 14 WHEN strlen(t0) BETWEEN 8 AND 10 AND regexp_full_match(t0, '\d{4}/\d{1,2}/\d{1,2}') THEN 29 WHEN strlen(t0) BETWEEN 13 AND 16 AND regexp_full_match(t0, '\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}') THEN 31 WHEN strlen(t0) BETWEEN 16 AND 19 AND regexp_full_match(t0, '\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}:\d{2}') THEN 32 ELSE 99 END WHEN regexp_full_match(t0, '[+-]?\d{1,38}') THEN 20 ELSE CASE WHEN strlen(t0) BETWEEN 8 AND 10 AND regexp_full_match(t0, '\d{1,2}\.\d{1,2}\.\d{4}') THEN 24 WHEN strlen(t0) BETWEEN 13 AND 16 AND regexp_full_match(t0, '\d{1,2}\.\d{1,2}\.\d{4} \d{1,2}:\d{2}') THEN 25 WHEN strlen(t0) BETWEEN 16 AND 19 AND regexp_full_match(t0, '\d{1,2}\.\d{1,2}\.\d{4} \d{1,2}:\d{2}:\d{2}') THEN 26 WHEN strlen(t0) BETWEEN 8 AND 10 AND regexp_full_match(t0, '\d{1,2}-\d{1,2}-\d{4}') THEN 48 WHEN strlen(t0) BETWEEN 13 AND 16 AND regexp_full_match(t0, '\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}') THEN 49 WHEN strlen(t0) BETWEEN 16 AND 19 AND regexp_full_match(t0, '\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}:\d{2}') THEN 50 WHEN strlen(t0) BETWEEN 10 AND 11 AND regexp_full_match(t0, '\d{1,2} [A-Za-z]{3} \d{4}') THEN 33 WHEN strlen(t0) BETWEEN 10 AND 11 AND regexp_full_match(t0, '\d{1,2}-[A-Za-z]{3}-\d{4}') THEN 34 WHEN strlen(t0) BETWEEN 11 AND 12 AND regexp_full_match(t0, '[A-Za-z]{3} \d{1,2}, \d{4}') THEN 35 WHEN regexp_full_match(t0, '-?[1-9]\d{0,2}\.\d{3}') THEN 46 WHEN regexp_full_match(t0, '[+-]?(\d+\.\d*|\.\d+)') THEN 21 WHEN regexp_full_match(t0, '[+-]?\d+[eE]\d+') THEN 47 WHEN regexp_full_match(t0, '[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+') THEN 22 WHEN regexp_full_match(t0, '-?[1-9]\d{0,2},\d{3}') THEN 41 WHEN regexp_full_match(t0, '-?[1-9]\d{0,2}(,\d{3}){2,}') THEN 42 WHEN regexp_full_match(t0, '-?[1-9]\d{0,2}(,\d{3})+\.\d+') THEN 43 WHEN regexp_full_match(t0, '[+-]?\d+,\d+') THEN 23 ELSE 99 END END AS k0,
  sc0,
  e0,
  nb0
FROM (
SELECT
  idx,
  weight,
  "v" AS r0,
  CASE WHEN sc0 IN (1, 2) THEN "v" ELSE CASE WHEN list_contains([9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288], unicode("v")) OR (list_contains(['\x09'::BLOB, '\x0A'::BLOB, '\x0B'::BLOB, '\x0C'::BLOB, '\x0D'::BLOB, '\x1C'::BLOB, '\x1D'::BLOB, '\x1E'::BLOB, '\x1F'::BLOB, '\x20'::BLOB, '\x80'::BLOB, '\x81'::BLOB, '\x82'::BLOB, '\x83'::BLOB, '\x84'::BLOB, '\x85'::BLOB, '\x86'::BLOB, '\x87'::BLOB, '\x88'::BLOB, '\x89'::BLOB, '\x8A'::BLOB, '\x9F'::BLOB, '\xA0'::BLOB, '\xA8'::BLOB, '\xA9'::BLOB, '\xAF'::BLOB], encode("v")[-1:]) AND list_contains([9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288], unicode("v"[-1:]))) THEN trim("v", chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(28) || chr(29) || chr(30) || chr(31) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)) ELSE "v" END END AS t0,
  sc0,
  e0,
  nb0
FROM (
SELECT
  idx,
  weight,
  strpos('nirtb', cls) - 1 AS sc0,
  cls = 't' AND u IS NULL AS e0,
  CASE WHEN cls = 'b' THEN regexp_extract(u, '^<blob (\d+)', 1)::BIGINT ELSE octet_length(v) END AS nb0,
  CASE WHEN cls = 't' AND u IS NULL THEN decode(unhex(array_to_string(list_transform(regexp_extract_all(hex(v), '..'), x -> CASE WHEN x < '80' THEN x WHEN x >= 'A0' THEN CASE WHEN x < 'C0' THEN 'C2' || x ELSE 'C3' || printf('%02X', ('0x' || x)::INTEGER - 64) END ELSE CASE x WHEN '80' THEN 'E282AC' WHEN '82' THEN 'E2809A' WHEN '83' THEN 'C692' WHEN '84' THEN 'E2809E' WHEN '85' THEN 'E280A6' WHEN '86' THEN 'E280A0' WHEN '87' THEN 'E280A1' WHEN '88' THEN 'CB86' WHEN '89' THEN 'E280B0' WHEN '8A' THEN 'C5A0' WHEN '8B' THEN 'E280B9' WHEN '8C' THEN 'C592' WHEN '8E' THEN 'C5BD' WHEN '91' THEN 'E28098' WHEN '92' THEN 'E28099' WHEN '93' THEN 'E2809C' WHEN '94' THEN 'E2809D' WHEN '95' THEN 'E280A2' WHEN '96' THEN 'E28093' WHEN '97' THEN 'E28094' WHEN '98' THEN 'CB9C' WHEN '99' THEN 'E284A2' WHEN '9A' THEN 'C5A1' WHEN '9B' THEN 'E280BA' WHEN '9C' THEN 'C593' WHEN '9E' THEN 'C5BE' WHEN '9F' THEN 'C5B8' ELSE CASE WHEN x < 'C0' THEN 'C2' || x ELSE 'C3' || printf('%02X', ('0x' || x)::INTEGER - 64) END END END), ''))) ELSE u END AS v
FROM (
SELECT
  idx,
  weight,
  cls,
  v,
  try(decode(v)) AS u
FROM (
SELECT idx, cls, v, count(*) AS weight
FROM (
SELECT idx, cls, CASE WHEN cls = 'b' THEN encode('<blob ' || octet_length(raw) || ' bytes ' || md5(raw) || '>') WHEN cls = 'r' THEN encode(CAST(CAST(decode(raw) AS DOUBLE) + 0.0 AS VARCHAR)) ELSE raw END AS v
FROM (
SELECT unnest([0]) AS idx, unnest(str_split("__clean_classes", '')) AS cls, unnest(["TKT-Ticket ID"]) AS raw
FROM (SELECT * FROM src."tickets" USING SAMPLE reservoir(500 ROWS) REPEATABLE (42)) AS src_rows
) AS row_cells
) AS cells
GROUP BY idx, cls, v
) AS distinct_values
) AS utf8
) AS decoded
) AS trimmed
) AS shaped
) AS parsed
) AS coded
GROUP BY idx, code0
) SELECT * FROM coded_groups UNION ALL SELECT idx, NULL AS code, sum(cells) AS cells, sum(distinct_values) AS distinct_values, sum(bytes) AS bytes, CASE WHEN count(examples) > 0 THEN list_slice(list_sort(flatten(list(examples))), 1, 5) END AS examples, min(min_day_first) AS min_day_first, max(max_day_first) AS max_day_first, min(min_month_first) AS min_month_first, max(max_month_first) AS max_month_first, min(min_number) AS min_number, max(max_number) AS max_number, min(min_grouped) AS min_grouped, max(max_grouped) AS max_grouped, max(max_scale) AS max_scale, max(max_digits) AS max_digits, min(min_text) AS min_text, max(max_text) AS max_text, min(min_value_bytes) AS min_value_bytes, max(max_value_bytes) AS max_value_bytes FROM coded_groups GROUP BY idx) AS column_rows
