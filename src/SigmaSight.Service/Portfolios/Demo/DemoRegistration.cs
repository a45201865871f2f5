namespace SigmaSight.Service.Portfolios.Demo;

/// <summary>Registers the demo seeder.</summary>
public static class DemoRegistration
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddScoped<DemoSeeder>();
        return services;
    }
}
