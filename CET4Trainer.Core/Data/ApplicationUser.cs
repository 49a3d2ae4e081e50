using Microsoft.AspNetCore.Identity;

namespace CET4Trainer.Core.Data;

public class ApplicationUser : IdentityUser
{
    // Shown in the app bar and to teachers; the e-mail stays the login name.
    [PersonalData]
    public string? DisplayName { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    // Set for accounts made from a roster: their one-time password must be changed at first login.
    public bool MustChangePassword { get; set; }

    [PersonalData]
    public string? StudentNumber { get; set; }
}
