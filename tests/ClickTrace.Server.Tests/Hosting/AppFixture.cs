namespace ClickTrace.Server.Tests.Hosting;

/// <summary>One running app shared by the tests of a class; tests isolate themselves with their own site keys.</summary>
public sealed class AppFixture : IDisposable
{
    public ClickTraceApp App { get; } = new();

    public void Dispose() => App.Dispose();
}
