using BenchmarkDotNet.Running;
using SigmaSight.Benchmarks;

// Runs the kernel benchmarks (all of them unless --filter is given; other BenchmarkDotNet options pass through),
// then prints every kernel's figures with its target. Exit code 1 when a target is missed or a benchmark failed.
string[] switcherArgs = args.Contains("--filter", StringComparer.Ordinal) ? args : ["--filter", "*", .. args];
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(switcherArgs, KernelConfig.Create());
return KernelReport.Print(summaries, Console.Out);
