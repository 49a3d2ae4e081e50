using System.Text.Encodings.Web;
using System.Text.Unicode;
using CET4Trainer.Web.Components.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace CET4Trainer.Web.Hosting;

public static class WebRegistration
{
    public static WebApplicationBuilder AddCet4Web(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Chinese text goes out as UTF-8 characters rather than &#x...; entities: smaller pages, readable source.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        builder.Services.AddMudServices();

        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<IdentityRedirectManager>();
        builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "cet4.auth";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
        });
        builder.Services.AddAuthorization();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, ActiveUserCircuitHandler>();
        builder.Services.AddScoped<Components.Features.Practice.PracticeSessionState>();
        return builder;
    }

    public static WebApplication UseCet4Pipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Users see a page with a correlation id; the stack trace goes to the log only.
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseCet4RequestLogging();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapCet4Endpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        app.MapCet4AccountEndpoints();
        app.MapCet4ItemEndpoints();
        app.MapCet4AiTaskEndpoints();
        app.MapCet4GradebookEndpoints();
        app.MapCet4Health();
        app.MapCet4Metrics();
        return app;
    }
}
