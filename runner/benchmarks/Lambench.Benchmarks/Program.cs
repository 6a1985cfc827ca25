using Lambench.Benchmarks;

// Program.cs only dispatches: "worker" runs Lambench's side in a fresh process; anything else runs the comparison.
return args.Length > 0 && args[0] == "worker"
    ? LambenchWorker.Run(args[1], args[2..])
    : IngestBenchmark.Run(args);
