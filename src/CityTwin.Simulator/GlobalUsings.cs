global using CityTwin.Contracts.Assets;
global using CityTwin.Contracts.Common;
