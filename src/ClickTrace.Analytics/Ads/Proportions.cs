namespace ClickTrace.Analytics.Ads;

/// <summary>The bounds of a confidence interval.</summary>
public sealed record Bounds(double Low, double High);

/// <summary>
/// The statistics of conversion rates, in plain C#: Wilson score intervals, the pooled two-proportion z-test,
/// the relative lift with its (log risk ratio) interval, and the sample size a difference needs. Formulas as
/// in Agresti and Coull (1998), Wilson (1927), Katz et al. (1978) and Fleiss (1981).
/// </summary>
public static class Proportions
{
    /// <summary>The Wilson score interval of <paramref name="successes"/> in <paramref name="trials"/> at <paramref name="confidence"/> (e.g. 0.95); [0, 1] without trials.</summary>
    public static Bounds Wilson(long successes, long trials, double confidence = 0.95)
    {
        if (trials <= 0) return new Bounds(0, 1);
        var z = Normal.Quantile(1 - (1 - confidence) / 2);
        var n = (double)trials;
        var p = successes / n;
        var denominator = 1 + z * z / n;
        var center = (p + z * z / (2 * n)) / denominator;
        var half = z / denominator * Math.Sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return new Bounds(Math.Max(0, center - half), Math.Min(1, center + half));
    }

    /// <summary>The two-sided p-value of the pooled z-test that two rates are equal (1 when it cannot be told: no trials, or no variance).</summary>
    public static double PValue(long successesA, long trialsA, long successesB, long trialsB)
    {
        if (trialsA <= 0 || trialsB <= 0) return 1;
        var pooled = (double)(successesA + successesB) / (trialsA + trialsB);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / trialsA + 1.0 / trialsB));
        if (se == 0) return 1;
        var z = ((double)successesB / trialsB - (double)successesA / trialsA) / se;
        return Math.Min(1, 2 * Normal.UpperTail(Math.Abs(z)));
    }

    /// <summary>
    /// B's rate relative to A's, minus one (0.25: 25 % better), and its interval from the log of the rate
    /// ratio; null when either has no conversion (the ratio is then unbounded or undefined).
    /// </summary>
    public static (double Lift, Bounds Interval)? Lift(long successesA, long trialsA, long successesB, long trialsB, double confidence = 0.95)
    {
        if (successesA <= 0 || successesB <= 0 || trialsA <= 0 || trialsB <= 0) return null;
        var pA = (double)successesA / trialsA;
        var pB = (double)successesB / trialsB;
        var z = Normal.Quantile(1 - (1 - confidence) / 2);
        var log = Math.Log(pB / pA);
        var se = Math.Sqrt((1 - pA) / successesA + (1 - pB) / successesB);
        return (pB / pA - 1, new Bounds(Math.Exp(log - z * se) - 1, Math.Exp(log + z * se) - 1));
    }

    /// <summary>
    /// Trials each of two groups needs for the two-sided test at significance <paramref name="alpha"/> to find
    /// the difference between rates <paramref name="pA"/> and <paramref name="pB"/> with probability
    /// <paramref name="power"/>; null when the rates are equal (no difference to find).
    /// </summary>
    public static long? SampleSizePerGroup(double pA, double pB, double alpha = 0.05, double power = 0.8)
    {
        if (Math.Abs(pA - pB) < 1e-12) return null;
        var za = Normal.Quantile(1 - alpha / 2);
        var zb = Normal.Quantile(power);
        var mean = (pA + pB) / 2;
        var root = za * Math.Sqrt(2 * mean * (1 - mean)) + zb * Math.Sqrt(pA * (1 - pA) + pB * (1 - pB));
        return (long)Math.Ceiling(root * root / ((pA - pB) * (pA - pB)));
    }
}

/// <summary>The standard normal distribution: upper tail and quantile.</summary>
public static class Normal
{
    /// <summary>P(Z &gt; z), from the complementary error function.</summary>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>
    /// erfc by the Chebyshev fit of Numerical Recipes (erfcc), fractional error below 1.2e-7
    /// everywhere: enough for p-values far smaller than any significance level in use.
    /// </summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
                t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /// <summary>The z with P(Z &lt; z) = p, by Acklam's rational approximation (relative error below 1.2e-9).</summary>
    public static double Quantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, 1);
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) return -Quantile(1 - p);
        var s = p - 0.5;
        var r = s * s;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * s / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
