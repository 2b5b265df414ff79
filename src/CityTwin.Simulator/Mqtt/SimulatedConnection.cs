using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CityTwin.Ingestion.Payloads;
using CityTwin.Ingestion.Topics;
using CityTwin.Simulator.Commands;
using CityTwin.Simulator.Devices;
using MQTTnet;
using MQTTnet.Protocol;

namespace CityTwin.Simulator.Mqtt;

/// <summary>
/// One MQTT identity of the city: a device that speaks for its own asset, or a gateway that speaks for a
/// group in batches. Connects with its own credential (client id = device id), announces itself on its
/// retained status topic with <c>offline</c> as its will, publishes its models' readings as they fall due,
/// and reboots now and then: a new boot epoch, a dropped connection (the will fires) and a reconnect.
/// It listens on its command topic (a gateway's carries commands for all its assets) and hands each command
/// to its model between readings, then reports that model at once, which is how a device confirms.
/// </summary>
internal sealed class SimulatedConnection
{
    private readonly string deviceId;
    private readonly string secret;
    private readonly string districtId;
    private readonly IReadOnlyList<DeviceModel> models;
    private readonly bool gateway;
    private readonly DriverOptions options;
    private readonly TimeProvider clock;
    private readonly double factor;
    private readonly PublishStats stats;
    private readonly SimulationJournal journal;
    private readonly DateTimeOffset[] due;
    private readonly TimeSpan? fixedInterval;
    private readonly Random random;
    private readonly string statusTopic;
    private readonly string? resultTopic;
    private readonly string commandTopic;
    private readonly Dictionary<string, int> modelIndex;
    private readonly ConcurrentQueue<(int Model, DeviceCommand Command)> commands = new();
    private readonly SemaphoreSlim commandArrived = new(0);
    private IMqttClient? client;
    private long nextAllowed;

    public SimulatedConnection(
        string deviceId, string secret, string districtId, IReadOnlyList<DeviceModel> models, bool gateway,
        DriverOptions options, TimeProvider clock, double factor, TimeSpan? fixedInterval, PublishStats stats, SimulationJournal journal, int seed)
    {
        (this.deviceId, this.secret, this.districtId, this.models, this.gateway) = (deviceId, secret, districtId, models, gateway);
        (this.options, this.clock, this.factor, this.fixedInterval, this.stats, this.journal) = (options, clock, factor, fixedInterval, stats, journal);
        random = StableRandom.For(seed, deviceId);
        statusTopic = gateway
            ? TopicAddress.Format(districtId, null, deviceId, TopicChannel.Status)
            : TopicAddress.Format(districtId, models[0].Asset.Kind, models[0].Asset.Id, TopicChannel.Status);
        resultTopic = gateway ? TopicAddress.Format(districtId, null, deviceId, TopicChannel.Result) : null;
        commandTopic = gateway
            ? TopicAddress.Format(districtId, null, deviceId, TopicChannel.Command)
            : TopicAddress.Format(districtId, models[0].Asset.Kind, models[0].Asset.Id, TopicChannel.Command);
        modelIndex = models.Select((m, i) => (m.Asset.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        // Spread the first readings over one interval, so a city does not report all at once.
        var now = clock.GetUtcNow();
        due = [.. models.Select(m => now + Interval(m) * random.NextDouble())];
    }

    public string DeviceId => deviceId;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        client?.Dispose();
        client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId(deviceId)
            .WithCredentials(deviceId, secret)
            .WithCleanSession()
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
            .WithTimeout(TimeSpan.FromSeconds(30))
            .WithWillTopic(statusTopic)
            .WithWillPayload("offline"u8.ToArray())
            .WithWillRetain()
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (options.Tls)
            builder = builder.WithTlsOptions(o => o.UseTls());
        var result = await client.ConnectAsync(builder.Build(), cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"'{deviceId}' was refused by the broker: {result.ResultCode} {result.ReasonString}");
        stats.Connected();
        // Commands first: the twin sends what is still pending as soon as the status says online.
        var subscription = new MqttClientSubscribeOptionsBuilder().WithTopicFilter(commandTopic, MqttQualityOfServiceLevel.AtLeastOnce);
        if (resultTopic is not null)
            subscription = subscription.WithTopicFilter(resultTopic, MqttQualityOfServiceLevel.AtLeastOnce);
        var subscribed = await client.SubscribeAsync(subscription.Build(), cancellationToken);
        if (subscribed.Items.FirstOrDefault(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2) is { } refused)
            throw new InvalidOperationException($"'{deviceId}' may not subscribe to '{refused.TopicFilter.Topic}': {refused.ResultCode}");
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(statusTopic).WithPayload("online").WithRetainFlag()
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            ObeyCommands(now);
            var dueNow = new List<int>();
            for (var i = 0; i < models.Count; i++)
            {
                if (options.AsFastAsAcknowledged || due[i] <= now)
                    dueNow.Add(i);
            }
            if (dueNow.Count == 0)
            {
                var wait = (due.Min() - now) / factor;
                await WaitForDueOrCommandAsync(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait, cancellationToken);
                continue;
            }
            await PaceAsync(cancellationToken);
            foreach (var i in dueNow)
                due[i] = now + Interval(models[i]);
            if (!gateway && Reboots(models[0]))
                await RebootAsync(cancellationToken);
            else if (gateway)
            {
                foreach (var i in dueNow.Where(i => Reboots(models[i])))
                    models[i].Boot(clock.GetUtcNow());
            }
            try
            {
                await PublishAsync(dueNow, cancellationToken);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped mid-publish: not a failure of the broker.
                return;
            }
            catch (Exception)
            {
                stats.Failed();
                await ReconnectAsync(cancellationToken);
            }
        }
    }

    /// <summary>Says goodbye on the status topic, then disconnects cleanly (no will).</summary>
    public async Task StopAsync()
    {
        if (client is { IsConnected: true })
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(statusTopic).WithPayload("offline").WithRetainFlag()
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), timeout.Token);
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token);
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
            {
            }
            stats.Disconnected();
        }
        client?.Dispose();
    }

    private TimeSpan Interval(DeviceModel model) => fixedInterval ?? model.Interval;

    private bool Reboots(DeviceModel model) => random.NextDouble() < options.RebootsPerDay * Interval(model).TotalDays;

    private async Task PublishAsync(List<int> dueNow, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (gateway)
        {
            var readings = dueNow.Select(i => (models[i].Asset.Id, models[i].Read(now))).ToList();
            for (var start = 0; start < readings.Count; start += PayloadParser.MaxBatchReadings)
            {
                var chunk = readings.Skip(start).Take(PayloadParser.MaxBatchReadings).ToList();
                var message = new MqttApplicationMessageBuilder()
                    .WithTopic(TopicAddress.Format(districtId, null, deviceId, TopicChannel.Telemetry))
                    .WithPayload(PayloadWriter.Batch(chunk))
                    .WithQualityOfServiceLevel(options.Qos)
                    .WithResponseTopic(resultTopic)
                    .Build();
                await SendAsync(message, chunk.Count, countRejection: false, cancellationToken);
            }
            return;
        }
        var model = models[dueNow[0]];
        var single = new MqttApplicationMessageBuilder()
            .WithTopic(TopicAddress.Format(districtId, model.Asset.Kind, model.Asset.Id, TopicChannel.Telemetry))
            .WithPayload(PayloadWriter.Single(model.Read(now)))
            .WithQualityOfServiceLevel(options.Qos)
            .Build();
        await SendAsync(single, 1, countRejection: true, cancellationToken);
    }

    private async Task SendAsync(MqttApplicationMessage message, int readings, bool countRejection, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.PublishTimeout);
        var result = await client!.PublishAsync(message, timeout.Token);
        stats.Sent(readings);
        if (options.Qos == MqttQualityOfServiceLevel.AtMostOnce)
            return;
        if (result.ReasonCode is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers)
            stats.Acked(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        else if (countRejection)
            stats.RejectedReadings(readings, $"{deviceId}: {result.ReasonCode} {result.ReasonString}");
    }

    /// <summary>Applies the commands that arrived, on this loop's thread (the models are not thread-safe), and makes their models due now.</summary>
    private void ObeyCommands(DateTimeOffset now)
    {
        while (commands.TryDequeue(out var arrived))
        {
            if (models[arrived.Model].Obey(arrived.Command, now).Applied)
                due[arrived.Model] = now;
        }
    }

    private async Task WaitForDueOrCommandAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await commandArrived.WaitAsync(wait, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void OnCommand(MqttApplicationMessage message)
    {
        var (command, error) = CommandReader.Read(message.Payload.IsSingleSegment ? message.Payload.FirstSpan : message.Payload.ToArray(), gateway ? null : models[0].Asset.Id);
        if (command is null)
        {
            journal.Record(deviceId, $"command refused: {error}");
            return;
        }
        if (!modelIndex.TryGetValue(command.AssetId, out var index))
        {
            journal.Record(deviceId, $"command refused: assetId: '{command.AssetId}' is not an asset of this gateway");
            return;
        }
        commands.Enqueue((index, command));
        commandArrived.Release();
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        if (e.ApplicationMessage.Topic == commandTopic)
        {
            OnCommand(e.ApplicationMessage);
            return Task.CompletedTask;
        }
        if (e.ApplicationMessage.Topic != resultTopic)
            return Task.CompletedTask;
        try
        {
            var reader = new Utf8JsonReader(e.ApplicationMessage.Payload);
            var result = JsonSerializer.Deserialize(ref reader, PayloadJson.Default.BatchResultMessage);
            if (result is { Rejected.Count: > 0 } rejected)
            {
                var first = rejected.Rejected[0];
                stats.RejectedReadings(rejected.Rejected.Count,
                    $"{deviceId}: {first.AssetId ?? "batch"}: {string.Join("; ", first.Errors.Select(x => $"{x.Field}: {x.Message}"))}");
            }
        }
        catch (JsonException)
        {
            stats.RejectedReadings(0, $"{deviceId}: an unreadable batch result: {Encoding.UTF8.GetString(e.ApplicationMessage.Payload)}");
        }
        return Task.CompletedTask;
    }

    private async Task RebootAsync(CancellationToken cancellationToken)
    {
        journal.Record(models[0].Asset.Id, "device rebooted");
        if (client is { IsConnected: true })
        {
            // Power gone: the broker sees the connection drop and publishes the will ("offline").
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage).Build(), cancellationToken);
            stats.Disconnected();
        }
        await Delay(TimeSpan.FromSeconds(20) / factor, cancellationToken);
        models[0].Boot(clock.GetUtcNow());
        await ReconnectAsync(cancellationToken);
    }

    private async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        if (client is { IsConnected: true })
            return;
        if (client is not null && stats.Connections > 0 && !client.IsConnected)
            stats.Disconnected();
        for (var attempt = 0; !cancellationToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await ConnectAsync(cancellationToken);
                stats.Reconnected();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await Delay(TimeSpan.FromMilliseconds(Math.Min(10_000, 250 << Math.Min(attempt, 6))), cancellationToken);
            }
        }
    }

    /// <summary>Keeps this client under the broker's per-client message rate.</summary>
    private async Task PaceAsync(CancellationToken cancellationToken)
    {
        var limit = gateway ? options.GatewayMessagesPerSecond : options.DeviceMessagesPerSecond;
        var now = Stopwatch.GetTimestamp();
        if (now < nextAllowed)
            await Delay(Stopwatch.GetElapsedTime(now, nextAllowed), cancellationToken);
        nextAllowed = Math.Max(now, nextAllowed) + (long)(Stopwatch.Frequency / limit);
    }

    private static async Task Delay(TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(wait, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
