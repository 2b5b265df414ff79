using CityTwin.Contracts.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Api.Problems;

/// <summary>
/// RFC 9457 answers that name the field that was wrong: validation problems carry <c>errors</c>
/// (field to messages), a missing resource carries <c>field</c> and the value that was not found.
/// </summary>
public static class ApiProblems
{
    public static ValidationProblem Invalid(string field, string message) =>
        Invalid([new FieldError(field, message)]);

    public static ValidationProblem Invalid(IReadOnlyList<FieldError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
            title: "The request has invalid fields");

    public static ProblemHttpResult NotFound(string field, string value, string what) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Not found",
            detail: $"{field}: no {what} '{value}'",
            extensions: new Dictionary<string, object?> { ["field"] = field, ["value"] = value });

    public static ProblemHttpResult Conflict(string field, string message) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Conflict",
            detail: $"{field}: {message}",
            extensions: new Dictionary<string, object?> { ["field"] = field });
}
