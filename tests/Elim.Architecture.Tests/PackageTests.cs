using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using Elim.Testing;

namespace Elim.Architecture.Tests;

/// <summary>
/// The NuGet packages as a user gets them: <c>dotnet pack Elim.Packages.slnf</c> (or the folder CI packed into,
/// <c>$ELIM_PACKAGES</c>), no TorchSharp or libtorch in the tool or the libraries, and the elim tool installed from
/// that folder alone (no other package source: it works offline) evaluating the README's Jacobian.
/// One test: packing builds every packaged project in Release (about a minute on two cores).
/// </summary>
public class PackageTests
{
    private const string Version = "0.1.0";

    // Packages that must carry no TorchSharp: the tool and every library but the training one.
    private static readonly string[] TorchFree = ["elim", "Elim.Graph", "Elim.Frontend", "Elim.Backend", "Elim.Search", "Elim.Search.Agent", "Elim.Api", "Elim.Gpu"];

    [Fact]
    public void The_packages_carry_no_torch_and_the_tool_installs_offline_and_evaluates()
    {
        string work = Directory.CreateTempSubdirectory("elim-packages-").FullName;
        try
        {
            string packages = Environment.GetEnvironmentVariable("ELIM_PACKAGES") is { Length: > 0 } given ? Path.GetFullPath(given) : Pack(work);
            foreach (string id in TorchFree)
            {
                string path = Path.Combine(packages, $"{id}.{Version}.nupkg");
                Assert.True(File.Exists(path), $"no package {path}");
                using var zip = ZipFile.OpenRead(path);
                var torchFiles = zip.Entries.Select(e => e.FullName).Where(n => n.Contains("torch", StringComparison.OrdinalIgnoreCase)).ToList();
                Assert.True(torchFiles.Count == 0, $"{id} carries {string.Join(", ", torchFiles)}");
                var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open());
                var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
                string Field(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
                Assert.Equal(Version, Field("version"));
                Assert.Equal("MIT", Field("license"));
                Assert.Equal("README.md", Field("readme"));
                Assert.False(string.IsNullOrWhiteSpace(Field("description")));
                var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).ToList();
                Assert.DoesNotContain(dependencies, d => d.Contains("torch", StringComparison.OrdinalIgnoreCase));
            }

            // Only the package folder as a source: nothing is fetched from the network.
            string config = Path.Combine(work, "nuget.config");
            File.WriteAllText(config, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="elim" value="{packages}" />
                  </packageSources>
                </configuration>
                """);
            string tools = Path.Combine(work, "tools");
            Run(Dotnet, ["tool", "install", "--tool-path", tools, "--configfile", config, "--add-source", packages, "elim", "--version", Version], work);
            string elim = Path.Combine(tools, "elim");
            Assert.StartsWith($"elim {Version}", Run(elim, ["--version"], work));
            string eval = Run(elim, ["eval", Repository.Example("roe_flux_1d"), "--at", "0.01,0.02,0.02,0.01,0.03,0.03"], work,
                ("ELIM_ORDER_STORE", Path.Combine(work, "orders")));
            Assert.Contains("phi0 = 0.017196699141100908", eval);
            Assert.Contains("Jacobian", eval);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string Pack(string work)
    {
        string output = Path.Combine(work, "packages");
        Run(Dotnet, ["pack", Repository.PathOf("Elim.Packages.slnf"), "-c", "Release", "-o", output, "--nologo"], Repository.Root);
        return output;
    }

    private static string Run(string program, string[] arguments, string directory, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's MSBuild settings would steer a nested build; the child finds its own.
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(10)), $"{program} {string.Join(' ', arguments)} did not finish in 10 minutes");
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{stdout}\n{stderr.Result}");
        return stdout;
    }
}
