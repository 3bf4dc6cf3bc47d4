using System.ComponentModel.DataAnnotations;
using ClickTrace.Storage.Server;

namespace ClickTrace.Storage.Tests;

public sealed class StorageOptionsTests
{
    private static List<string> Problems(StorageOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }

    [Fact]
    public void The_defaults_are_valid_and_embedded() =>
        Assert.Empty(Problems(new StorageOptions()));

    [Fact]
    public void Server_mode_needs_a_connection_string()
    {
        var problem = Assert.Single(Problems(new StorageOptions { Mode = StorageMode.Server }));

        Assert.StartsWith("ClickTrace:Storage:Server:ConnectionString is required when ClickTrace:Storage:Mode is Server", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=ch.internal;Port=8443;Protocol=https;Username=clicktrace")]
    [InlineData("Host=127.0.0.1")]
    public void A_well_formed_connection_string_is_accepted(string connectionString) =>
        Assert.Empty(Problems(new StorageOptions { Mode = StorageMode.Server, Server = new ServerOptions { ConnectionString = connectionString } }));

    [Theory]
    [InlineData("Host=ch;Port=notaport;Password=hunter2", "Port 'notaport'")]
    [InlineData("Host=ch;Timeout=soon;Password=hunter2", "Timeout 'soon'")]
    [InlineData("Host=;Port=8123;Password=hunter2", "names no Host")]
    [InlineData("Host=ch;Password=hunter2;=x=y", "could not be read")]
    [InlineData("Host=ch;Protocol=ftp;Password=hunter2", "Protocol 'ftp'")]
    public void A_bad_connection_string_is_named_without_echoing_its_password(string connectionString, string says)
    {
        var problems = Problems(new StorageOptions { Mode = StorageMode.Server, Server = new ServerOptions { ConnectionString = connectionString } });

        Assert.Contains(problems, p => p.Contains(says, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain("hunter2", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Out_of_range_server_settings_are_named()
    {
        var problems = Problems(new StorageOptions
        {
            Mode = StorageMode.Server,
            Server = new ServerOptions { ConnectionString = "Host=ch", MaxRetries = 99 },
            Cluster = "bad name",
        });

        Assert.Contains(problems, p => p.StartsWith("ClickTrace:Storage:Server:MaxRetries", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ClickTrace:Storage:Cluster 'bad name' is not a valid cluster name", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cluster_needs_server_mode()
    {
        var problem = Assert.Single(Problems(new StorageOptions { Cluster = "shop" }));

        Assert.StartsWith("ClickTrace:Storage:Cluster needs ClickTrace:Storage:Mode=Server", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_password_option_replaces_the_connection_strings_and_is_not_in_the_options_text()
    {
        var options = new ServerOptions { ConnectionString = "Host=ch;Username=u;Password=old", Password = "from-env" };

        Assert.Equal("from-env", options.ClientSettings().Password);
        Assert.DoesNotContain("from-env", options.ToString(), StringComparison.Ordinal);
    }
}
