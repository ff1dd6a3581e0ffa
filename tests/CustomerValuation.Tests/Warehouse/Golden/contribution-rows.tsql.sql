-- contribution-rows (TSql): ContributionSql.Rows
-- bind: (none)
WITH r AS (
  SELECT CAST(t.[customer] AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2 AS group_key, CAST(t.[product] AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2 AS item,
    SUM(t.[sales]) AS sales,
    SUM(t.[cost]) AS cost_of_goods,
    SUM(t.[inventory]) AS average_inventory
  FROM [erp].[sales_mix] t
  GROUP BY CAST(t.[customer] AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2, CAST(t.[product] AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2
),
f AS (
  SELECT r.*, r.sales - r.cost_of_goods AS gross_margin,
    CASE WHEN r.sales > 0 THEN CAST((r.sales - r.cost_of_goods) AS float) / CAST(r.sales AS float) END AS gross_margin_rate,
    CASE WHEN r.average_inventory > 0 THEN CAST(r.sales AS float) / CAST(r.average_inventory AS float) END AS turnover,
    CASE WHEN r.sales > 0 AND r.average_inventory > 0 THEN CAST((r.sales - r.cost_of_goods) AS float) / CAST(r.average_inventory AS float) END AS cross_ratio,
    SUM(r.sales) OVER (PARTITION BY r.group_key) AS group_sales,
    SUM(r.sales - r.cost_of_goods) OVER (PARTITION BY r.group_key) AS group_margin,
    SUM(CASE WHEN r.sales > 0 AND r.average_inventory > 0 THEN CAST((r.sales - r.cost_of_goods) AS float) / CAST(r.average_inventory AS float) * r.sales END) OVER (PARTITION BY r.group_key) AS group_weighted
  FROM r
),
g AS (
  SELECT f.*,
    CASE WHEN f.group_sales > 0 THEN CAST(f.sales AS float) / CAST(f.group_sales AS float) END AS sales_share,
    CASE WHEN f.cross_ratio IS NOT NULL AND f.group_sales > 0 THEN (CAST(f.sales AS float) - CAST(f.cost_of_goods AS float)) / CAST(f.average_inventory AS float) * (CAST(f.sales AS float) / CAST(f.group_sales AS float)) END AS rank_key
  FROM f
)
SELECT f.group_key, f.item, f.sales, f.cost_of_goods, f.average_inventory, f.gross_margin, f.gross_margin_rate, f.turnover, f.cross_ratio, f.sales_share,
  f.cross_ratio * f.sales_share AS contribution_ratio,
  CASE WHEN f.group_sales > 0 AND f.group_weighted > 0 THEN CAST(f.cross_ratio * f.sales AS float) / CAST(f.group_weighted AS float) END AS contribution_share,
  CASE WHEN f.group_margin > 0 THEN CAST(f.gross_margin AS float) / CAST(f.group_margin AS float) END AS gross_margin_share,
  ROW_NUMBER() OVER (PARTITION BY f.group_key ORDER BY CASE WHEN f.rank_key IS NULL THEN 1 ELSE 0 END, f.rank_key DESC, f.item COLLATE Latin1_General_100_BIN2) AS rank_in_group,
  CASE WHEN f.sales = 0 THEN 1 ELSE 0 END AS no_sales,
  CASE WHEN f.average_inventory IS NULL OR f.average_inventory = 0 THEN 1 ELSE 0 END AS no_inventory,
  CASE WHEN f.gross_margin < 0 THEN 1 ELSE 0 END AS negative_margin,
  CASE WHEN f.group_sales > 0 THEN 0 ELSE 1 END AS no_group_sales,
  CASE WHEN f.group_sales > 0 AND f.group_weighted > 0 THEN 0 ELSE 1 END AS no_group_contribution,
  CASE WHEN f.group_margin > 0 THEN 0 ELSE 1 END AS no_group_margin
FROM g f
ORDER BY f.group_key COLLATE Latin1_General_100_BIN2, rank_in_group
