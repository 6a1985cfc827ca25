using Lambench.Cli;
using Spectre.Console;

// Program.cs only wires the application to the real console.
return await LambenchApplication.RunAsync(args, AnsiConsole.Console);
