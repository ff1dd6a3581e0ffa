#!/usr/bin/env python3
"""Runs the generated Spark SQL statements of the Spark tests on one local Spark session.

usage: run_statements.py MANIFEST.json OUTPUT_DIR

The manifest (written by tests/CustomerValuation.Tests/Warehouse/SparkRun.cs) is a JSON object:

  {"tables": [{"view": "tx", "global": true, "path": "/abs/tx.jsonl",
               "schema": "line_no BIGINT, customer_id STRING, ..."}],
   "statements": [{"name": "rfm-features-default", "sql": "WITH ...",
                   "parameters": {"as_of": {"type": "date", "value": "2011-12-10"}, ...}}]}

Each table is a file of JSON lines read with its explicit DDL schema (no inference: DECIMAL(p, s)
columns keep their digits, TIMESTAMP columns are read as wall-clock times in the session's time
zone, UTC) and registered as a temporary view (with "global": true as global_temp.VIEW, so that a
statement can name it with two parts). Each statement runs with spark.sql(sql, args=...) - named
parameter markers :name, bound as Python values: a date as datetime.date, an int, a double as
float, a string - and its rows go to OUTPUT_DIR/NAME.jsonl: a first line with the column names and
Spark's types, then one JSON array per row (a DECIMAL as its exact text, a DATE or TIMESTAMP in
ISO form, NULL as null). A statement that fails writes OUTPUT_DIR/NAME.error with Spark's message,
and the others still run. OUTPUT_DIR/run.json records the versions and the times.

Exit code: 0 when the session started and every table loaded (statement errors are in their
.error files), 1 otherwise.
"""

import datetime
import decimal
import json
import os
import sys
import time


def parameter_value(p):
    kind, value = p["type"], p["value"]
    if kind == "date":
        return datetime.date.fromisoformat(value)
    if kind == "int":
        return int(value)
    if kind == "double":
        return float(value)
    if kind == "string":
        return str(value)
    raise ValueError(f"unknown parameter type {kind!r}")


def cell(value):
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        # JSON has no NaN or infinity; a double is written as its shortest round-trip text.
        return repr(value)
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    manifest_path, out_dir = argv[1], argv[2]
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    os.makedirs(out_dir, exist_ok=True)
    run = {"times": {}}

    started = time.monotonic()
    # pyspark turns a TIMESTAMP into a Python datetime in the process's local time zone: make it UTC,
    # the session's zone, so that a timestamp comes back as the wall-clock time it was read as.
    os.environ["TZ"] = "UTC"
    time.tzset()
    from pyspark.sql import SparkSession  # imported here so that --help works without pyspark
    import pyspark

    spark = (
        SparkSession.builder.master(os.environ.get("CV_SPARK_MASTER", "local[2]"))
        .appName("customer-valuation-spark-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", os.environ.get("CV_SPARK_DRIVER_MEMORY", "3g"))
        .config("spark.driver.extraJavaOptions", "-Duser.timezone=UTC")
        .config("spark.sql.warehouse.dir", os.path.join(out_dir, "spark-warehouse"))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    run["pyspark"] = pyspark.__version__
    run["spark"] = spark.version
    run["java"] = spark.sparkContext._jvm.java.lang.System.getProperty("java.version")
    run["ansi"] = spark.conf.get("spark.sql.ansi.enabled")
    run["times"]["session_s"] = round(time.monotonic() - started, 3)

    t = time.monotonic()
    for table in manifest["tables"]:
        df = spark.read.schema(table["schema"]).option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss").option("mode", "FAILFAST").json(table["path"])
        df = df.cache()
        rows = df.count()
        if table.get("global"):
            df.createOrReplaceGlobalTempView(table["view"])
        else:
            df.createOrReplaceTempView(table["view"])
        run.setdefault("tables", {})[table["view"]] = rows
    run["times"]["load_s"] = round(time.monotonic() - t, 3)

    for statement in manifest["statements"]:
        name = statement["name"]
        args = {k: parameter_value(v) for k, v in statement.get("parameters", {}).items()}
        t = time.monotonic()
        try:
            df = spark.sql(statement["sql"], args=args)
            header = [[f.name, f.dataType.simpleString()] for f in df.schema.fields]
            rows = df.collect()
            with open(os.path.join(out_dir, name + ".jsonl"), "w", encoding="utf-8") as out:
                out.write(json.dumps(header) + "\n")
                for row in rows:
                    out.write(json.dumps([cell(v) for v in row], ensure_ascii=False) + "\n")
        except Exception as e:  # noqa: BLE001 - every failure is reported to the test that owns the statement
            with open(os.path.join(out_dir, name + ".error"), "w", encoding="utf-8") as out:
                out.write(f"{type(e).__name__}: {e}\n")
        run["times"][name] = round(time.monotonic() - t, 3)

    t = time.monotonic()
    spark.stop()
    run["times"]["stop_s"] = round(time.monotonic() - t, 3)
    run["times"]["total_s"] = round(time.monotonic() - started, 3)
    with open(os.path.join(out_dir, "run.json"), "w", encoding="utf-8") as out:
        json.dump(run, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
