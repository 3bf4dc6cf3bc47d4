using ClickTrace.LoadTest;

// "bare": the baseline endpoint (reads the body, answers 204). Otherwise: run the whole harness.
if (args.Length > 0 && args[0] == "bare")
{
    BareServer.Run(args[1..]);
    return 0;
}
return await Harness.RunAsync(args);
