using Microsoft.AspNetCore.Components;

namespace CET4Trainer.Web.Components.Account;

// Redirects from static SSR account pages. Only local paths are followed, so a crafted
// returnUrl cannot send a user to another site.
internal sealed class IdentityRedirectManager(NavigationManager navigation)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookie = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public static bool IsLocal(string? uri) =>
        !string.IsNullOrEmpty(uri) && Uri.IsWellFormedUriString(uri, UriKind.Relative) && !uri.StartsWith("//", StringComparison.Ordinal)
        && !uri.StartsWith("/\\", StringComparison.Ordinal);

    public void RedirectTo(string? uri)
    {
        if (!IsLocal(uri))
        {
            uri = uri is not null && uri.StartsWith(navigation.BaseUri, StringComparison.OrdinalIgnoreCase)
                ? "/" + navigation.ToBaseRelativePath(uri)
                : "/";
        }
        navigation.NavigateTo(uri!);
    }

    public void RedirectTo(string uri, Dictionary<string, object?> query) =>
        RedirectTo(navigation.GetUriWithQueryParameters(navigation.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path), query));

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookie.Build(context));
        RedirectTo(uri);
    }

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context) =>
        RedirectToWithStatus("/" + navigation.ToBaseRelativePath(navigation.ToAbsoluteUri(navigation.Uri).GetLeftPart(UriPartial.Path)), message, context);
}
