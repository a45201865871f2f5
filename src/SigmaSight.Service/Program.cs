using SigmaSight.Service.Cli;

return await CliApp.RunAsync(args).ConfigureAwait(false);
