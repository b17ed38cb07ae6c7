using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Moderation.Review.Configuration;

namespace Moderation.Review.Auth;

/// <summary>Password hashes for <see cref="ReviewUser.PasswordHash"/> (ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/>, V3 format: PBKDF2-HMAC-SHA512, 100,000 iterations, 128-bit salt).</summary>
public static class ReviewPasswords
{
    private static readonly PasswordHasher<ReviewUser> Hasher = new();

    /// <summary>The hash of <paramref name="password"/> (base64, a new random salt each call).</summary>
    /// <exception cref="ArgumentException"><paramref name="password"/> is empty.</exception>
    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return Hasher.HashPassword(new ReviewUser(), password);
    }

    /// <summary>A random password of <paramref name="length"/> letters and digits (≈ 5.95 bits each) from the OS CSPRNG.</summary>
    public static string Generate(int length = 20) =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", length);
}
