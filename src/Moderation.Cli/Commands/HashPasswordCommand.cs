using System.CommandLine;
using Moderation.Review.Auth;

namespace Moderation.Cli.Commands;

/// <summary><c>hash-password</c>: reads a password from stdin (one line) and prints its hash for
/// <c>ReviewAuth:Users:N:PasswordHash</c>, so no password is ever written into configuration.</summary>
internal static class HashPasswordCommand
{
    public static Command Create()
    {
        var command = new Command("hash-password", "Read a password from stdin, print its hash for ReviewAuth:Users:N:PasswordHash");
        command.SetAction(_ =>
        {
            var password = Console.In.ReadLine();
            if (string.IsNullOrEmpty(password))
            {
                Console.Error.WriteLine("hash-password: empty password on stdin");
                return 2;
            }

            Console.Out.WriteLine(ReviewPasswords.Hash(password));
            return 0;
        });
        return command;
    }
}
