namespace ClickTrace.Server.Tests.Hosting;

/// <summary>
/// Tests that load the machine (thousands of requests): they run on their own, after the others, so that
/// the browser tests' timing is not decided by them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyCollection
{
    public const string Name = "Heavy load";
}
