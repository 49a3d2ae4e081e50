using Bunit;
using MudBlazor.Services;

namespace CET4Trainer.Tests.TestSupport;

// A bUnit context with MudBlazor's services; MudBlazor's JS calls are answered loosely.
public abstract class MudTestContext : BunitContext
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }
}
