using System.ComponentModel.DataAnnotations;
using ClickTrace.Storage;
using Microsoft.Extensions.Options;

namespace ClickTrace.Server.Hosting;

/// <summary>What this process serves. Collectors scale out behind a load balancer; the dashboard runs apart.</summary>
public enum HostRole
{
    /// <summary>Everything: the collector, the dashboard and API, the demo (the default, and the only role of the embedded mode).</summary>
    All,

    /// <summary>Ingest only: the tag, collect, its write-ahead log and shipper, /metrics, /health, /ready.</summary>
    Collector,

    /// <summary>The dashboard and the HTTP API (sites, reports, saved funnels) only.</summary>
    Ui,
}

/// <summary>Section <c>ClickTrace</c>, key <c>Role</c>; on the command line <c>--role collector</c>.</summary>
public sealed class RoleOptions : IValidatableObject
{
    public const string Section = "ClickTrace";

    /// <summary>Default <see cref="HostRole.All"/>.</summary>
    public HostRole Role { get; set; } = HostRole.All;

    /// <summary>The storage mode, checked against the role (set at start-up from <see cref="StorageOptions"/>).</summary>
    internal StorageMode StorageMode { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Role))
            yield return new ValidationResult($"ClickTrace:Role '{Role}' is not known: use all, collector or ui.", [nameof(Role)]);
        else if (Role != HostRole.All && StorageMode == StorageMode.Embedded)
            yield return new ValidationResult(
                $"--role {Role.ToString().ToLowerInvariant()} needs ClickTrace:Storage:Mode=Server: the embedded engine lives inside one process, " +
                "so that process must collect and report. Run --role all, or point every role at a ClickHouse server.", [nameof(Role)]);
    }
}

public static class HostRoles
{
    /// <summary>
    /// Reads the role (<c>--role</c> on the command line, or <c>ClickTrace:Role</c>) and checks it against the storage
    /// mode before anything starts; a bad combination stops the app with a message saying what to change.
    /// </summary>
    public static HostRole AddRole(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--role"] = "ClickTrace:Role" });
        var text = builder.Configuration[$"{RoleOptions.Section}:{nameof(RoleOptions.Role)}"];
        if (text is not null && (!Enum.TryParse<HostRole>(text, ignoreCase: true, out _) || !char.IsAsciiLetter(text.FirstOrDefault())))
            throw new OptionsValidationException(nameof(RoleOptions), typeof(RoleOptions), [$"--role '{text}' is not known: use all, collector or ui."]);
        var options = new RoleOptions { Role = text is null ? HostRole.All : Enum.Parse<HostRole>(text, ignoreCase: true) };
        options.StorageMode = builder.Configuration.GetSection(StorageOptions.Section).GetValue<StorageMode?>(nameof(StorageOptions.Mode)) ?? StorageMode.Embedded;
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
            throw new OptionsValidationException(nameof(RoleOptions), typeof(RoleOptions), problems.Select(p => p.ErrorMessage!));
        return options.Role;
    }

    /// <summary>This process takes events in.</summary>
    public static bool Collects(this HostRole role) => role is HostRole.All or HostRole.Collector;

    /// <summary>This process serves the dashboard and the read API.</summary>
    public static bool Reports(this HostRole role) => role is HostRole.All or HostRole.Ui;
}
