using Lambench.Benchmarks;

// Program.cs only dispatches: "worker" runs Lambench's side in a fresh process, "duckdb-worker" DuckDB's; "local-platform" measures the local
// platform; "runner" the runner and its collection; "load-generator" the load generator; "embedded-metrics" what EMF lines cost;
// "figures" what a figure's JSON costs; anything else runs the ingest comparison.
return args.Length > 0 && args[0] == "worker" ? LambenchWorker.Run(args[1], args[2..])
    : args.Length > 0 && args[0] == "duckdb-worker" ? DuckDbWorker.Run(args[1], args[2..])
    : args.Length > 0 && args[0] == "local-platform" ? await LocalPlatformBenchmark.RunAsync(args[1..])
    : args.Length > 0 && args[0] == "runner" ? await RunnerBenchmark.RunAsync(args[1..])
    : args.Length > 0 && args[0] == "load-generator" ? await LoadGeneratorBenchmark.RunAsync(args[1..])
    : args.Length > 0 && args[0] == "embedded-metrics" ? EmbeddedMetricsBenchmark.Run(args[1..])
    : args.Length > 0 && args[0] == "figures" ? FigureBenchmark.Run(args[1..])
    : IngestBenchmark.Run(args);
