using System.Text.Json.Serialization;

namespace ClickTrace.Core.Wire;

/// <summary>Source-generated JSON (de)serialization of the wire format: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = false,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    MaxDepth = 8,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(WireBatch))]
public sealed partial class WireJsonContext : JsonSerializerContext;
