using Microsoft.Extensions.Options;
using SigmaSight.Service.Api;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Hosting.Validation;

namespace SigmaSight.UnitTests.Security;

/// <summary>The startup checks of settings name the key and the reason; the API's loopback test reads Kestrel's addresses.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://127.0.0.2:80", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://192.0.2.10:5080", false)]
    [InlineData("https://batch.example.com:443", false)]
    public void IsLoopback_TellsLoopbackBindingsFromTheRest(string address, bool loopback) =>
        ApiReadAccess.IsLoopback(address).Should().Be(loopback);

    [Theory]
    [InlineData("30 16 * * 1-5", null)]
    [InlineData("0 */5 * * * *", null)]
    [InlineData("every night", "Schedule:NightlyCron 'every night' is not a cron expression: it has 2 part(s)")]
    [InlineData("61 * * * *", "Schedule:NightlyCron '61 * * * *' is not a cron expression")]
    [InlineData("", "Schedule:NightlyCron is empty")]
    public void Cron_IsParsedAsHangfireParsesIt(string cron, string? problem)
    {
        var result = SettingRules.Cron("Schedule:NightlyCron", cron);

        if (problem is null) result.Should().BeNull();
        else result.Should().StartWith(problem);
    }

    [Fact]
    public void Validator_NamesEverySectionKeyAtFault()
    {
        var options = new HangfireHostOptions { WorkerCount = 0, Queues = ["c-portfolio", "z-nothing"], QueuePollInterval = TimeSpan.Zero };

        var result = new SectionValidator<HangfireHostOptions>(HangfireHostOptions.SectionName, HangfireHostOptions.Rules).Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().HaveCount(3);
        result.Failures.Should().Contain(f => f.StartsWith("Hangfire:WorkerCount is 0:", StringComparison.Ordinal));
        result.Failures.Should().Contain(f => f.StartsWith("Hangfire:Queues 'z-nothing' is not a work queue", StringComparison.Ordinal));
        result.Failures.Should().Contain(f => f.StartsWith("Hangfire:QueuePollInterval is 00:00:00: it must be longer than zero", StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_AcceptsTheDefaults()
    {
        new SectionValidator<BatchOptions>(BatchOptions.SectionName, BatchOptions.Rules).Validate(null, new BatchOptions())
            .Should().Be(ValidateOptionsResult.Success);
        new SectionValidator<ScheduleOptions>(ScheduleOptions.SectionName, ScheduleOptions.Rules).Validate(null, new ScheduleOptions())
            .Should().Be(ValidateOptionsResult.Success);
        new SectionValidator<AnalyticsOptions>(AnalyticsOptions.SectionName, AnalyticsOptions.Rules).Validate(null, new AnalyticsOptions())
            .Should().Be(ValidateOptionsResult.Success);
        new SectionValidator<ApiOptions>(ApiOptions.SectionName, ApiOptions.Rules).Validate(null, new ApiOptions())
            .Should().Be(ValidateOptionsResult.Success);
    }

    [Fact]
    public void ApiKeys_MustBeLongAndDistinct()
    {
        const string key = "0123456789abcdef0123";

        ApiOptions.Rules(new ApiOptions { Key = key, ReadKey = key }).Should().ContainSingle()
            .Which.Should().Contain("Api:ReadKey equals Api:Key");
        ApiOptions.Rules(new ApiOptions { ReadKey = "short" }).Should().ContainSingle()
            .Which.Should().Contain("Api:ReadKey is shorter than 16 characters");
    }
}
