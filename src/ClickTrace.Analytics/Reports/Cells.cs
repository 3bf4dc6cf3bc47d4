using System.Globalization;

namespace ClickTrace.Analytics.Reports;

/// <summary>Reads the engine's numeric cells (UInt64, Int32, Float64, ...) as the report types use them.</summary>
internal static class Cells
{
    public static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    public static int Int(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);

    public static double Double(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    public static decimal Decimal(object? value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);
}
