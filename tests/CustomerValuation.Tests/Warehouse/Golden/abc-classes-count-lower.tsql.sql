-- abc-classes-count-lower (TSql): AbcSql.Classes
-- bind: @tolerance = 1E-12 (double); @breakpoint_1 = 0.2 (double); @breakpoint_2 = 0.5 (double); @label_0 = Top (text); @label_1 = Middle (text); @label_2 = Tail (text); @label_non_positive = Don't count (text)
WITH v AS (
  SELECT CAST(t.[customer_id] AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2 AS customer_id, SUM(t.[amount]) AS value
  FROM [sales].[transactions] t
  WHERE CAST(t.[customer_id] AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2 IS NOT NULL
  GROUP BY CAST(t.[customer_id] AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2
),
ranked AS (
  SELECT v.customer_id, v.value,
    ROW_NUMBER() OVER (ORDER BY CASE WHEN v.value > 0 THEN 0 ELSE 1 END, v.value DESC, v.customer_id COLLATE Latin1_General_100_BIN2) AS rank_no,
    SUM(CASE WHEN v.value > 0 THEN v.value END) OVER (ORDER BY CASE WHEN v.value > 0 THEN 0 ELSE 1 END, v.value DESC, v.customer_id COLLATE Latin1_General_100_BIN2 ROWS UNBOUNDED PRECEDING) AS running,
    SUM(CASE WHEN v.value > 0 THEN v.value END) OVER () AS total,
    COUNT(CASE WHEN v.value > 0 THEN v.value END) OVER () AS positives
  FROM v
),
classed AS (
  SELECT r.*, CASE WHEN r.value <= 0 THEN 3 ELSE 0
    + CASE WHEN r.rank_no > @breakpoint_1 * r.positives + @tolerance * r.positives THEN 1 ELSE 0 END
    + CASE WHEN r.rank_no > @breakpoint_2 * r.positives + @tolerance * r.positives THEN 1 ELSE 0 END END AS class_index
  FROM ranked r
)
SELECT c.customer_id,
  CASE c.class_index WHEN 0 THEN @label_0 WHEN 1 THEN @label_1 WHEN 2 THEN @label_2 ELSE @label_non_positive END AS class,
  c.class_index, c.rank_no AS rank, c.value,
  CASE WHEN c.value > 0 THEN CAST(c.value AS float) / CAST(c.total AS float) ELSE 0 END AS share,
  CASE WHEN c.value > 0 THEN CAST(c.running AS float) / CAST(c.total AS float) WHEN c.total IS NULL THEN 0 ELSE 1 END AS cumulative_share
FROM classed c
ORDER BY c.rank_no
