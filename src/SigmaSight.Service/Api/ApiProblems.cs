namespace SigmaSight.Service.Api;

/// <summary>RFC 7807 problem results with messages that name the field and the reason.</summary>
public static class ApiProblems
{
    public static IResult Invalid(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] },
            detail: reason, title: "The request is not valid");

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static IResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    /// <summary>
    /// Runs a <see cref="Cli.RunInputs"/> check; its <see cref="Cli.UsageException"/> becomes a 400 naming the exception's
    /// field, or <paramref name="field"/> when it names none.
    /// </summary>
    public static IResult? Check(string field, Action check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            check();
            return null;
        }
        catch (Cli.UsageException e)
        {
            return Invalid(e.Field ?? field, e.Message);
        }
    }
}
