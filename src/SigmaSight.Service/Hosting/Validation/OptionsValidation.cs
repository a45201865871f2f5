using Microsoft.Extensions.Options;

namespace SigmaSight.Service.Hosting.Validation;

/// <summary>Binds an options section and validates it when the host is built (<see cref="ValidateNow"/>) and starts.</summary>
public static class OptionsValidation
{
    public static IServiceCollection AddValidatedOptions<TOptions>(this IServiceCollection services, string section,
        Func<TOptions, IEnumerable<string>>? rules = null)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(section, rules));
        return services;
    }

    /// <summary>
    /// Validates every section registered with ValidateOnStart at once, before anything is stored or any server starts,
    /// so a bad setting is refused with its key named (OptionsValidationException) instead of failing halfway.
    /// </summary>
    public static void ValidateNow(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetService<IStartupValidator>()?.Validate();
    }
}
