using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace SigmaSight.Service.Hosting.Validation;

/// <summary>
/// Validates one options section at startup: its data annotations and the section's own rules. Every failure names
/// the configuration key (<c>Section:Member</c>) and the reason, so an operator knows what to fix.
/// </summary>
public sealed class SectionValidator<TOptions>(string section, Func<TOptions, IEnumerable<string>>? rules = null)
    : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        var errors = results.Select(r => Describe(r, options)).Concat(rules?.Invoke(options) ?? []).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>"Hangfire:WorkerCount is 0: The field WorkerCount must be between 1 and 200." (annotated settings hold no secrets).</summary>
    private string Describe(ValidationResult result, TOptions options)
    {
        var member = result.MemberNames.FirstOrDefault() ?? "";
        var value = typeof(TOptions).GetProperty(member)?.GetValue(options);
        var shown = value is null or "" ? "empty" : Convert.ToString(value, CultureInfo.InvariantCulture);
        return $"{section}:{member} is {shown}: {result.ErrorMessage}";
    }
}
