namespace ClickTrace.Storage.Schema;

/// <summary>
/// One versioned schema change. Statements run in order, one at a time (the engine runs one statement
/// per call); each should be idempotent (IF NOT EXISTS) so that a migration interrupted half-way can run again.
/// </summary>
public sealed record Migration(int Version, string Name, IReadOnlyList<string> Statements);
