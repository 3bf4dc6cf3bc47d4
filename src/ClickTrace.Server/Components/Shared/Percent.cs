using System.Globalization;

namespace ClickTrace.Server.Components.Shared;

/// <summary>How the pages write rates.</summary>
public static class Percent
{
    public static string Of(double rate) => (rate * 100).ToString(rate < 0.1 && rate > 0 ? "0.0" : "0", CultureInfo.InvariantCulture) + " %";
}
