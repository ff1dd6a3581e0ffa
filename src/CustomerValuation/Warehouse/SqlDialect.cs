namespace CustomerValuation.Warehouse;

/// <summary>The SQL dialects the generators write (docs/warehouse.md lists the features each uses).</summary>
public enum SqlDialect
{
    /// <summary>PostgreSQL 11 and later (also Citus): identifiers in double quotes, parameters <c>@name</c> as Npgsql binds them.</summary>
    PostgreSql,

    /// <summary>Spark SQL 3.4 and later (Databricks): identifiers in back-quotes, named parameter markers <c>:name</c>.</summary>
    SparkSql,

    /// <summary>T-SQL (SQL Server 2016 and later, Azure SQL, Fabric warehouses): identifiers in brackets, parameters <c>@name</c>.</summary>
    TSql,
}
