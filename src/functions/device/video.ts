// The streaming app: catalogue search, playback, watchlist, ratings, downloads, casting.
import { DeviceError } from "./errors.js";
import { rankMatches, resolveName } from "./match.js";
import { randomFor } from "./random.js";
import type { SimulatedDevice } from "./simulated-device.js";
import type { WorldTitle } from "./world/types.js";

const GENRE_ALIASES: Record<string, string> = {
  "science fiction": "sci-fi", scifi: "sci-fi", "sci fi": "sci-fi", comedies: "comedy", documentaries: "documentary",
  thrillers: "thriller", cartoon: "animation", cartoons: "animation", animated: "animation", "true crime": "crime",
  romantic: "romance", "romantic comedy": "romance", scary: "horror", dramas: "drama",
};

function findTitle(device: SimulatedDevice, functionName: string, title: string): WorldTitle {
  const found = resolveName(title, device.world.titles, (candidate) => candidate.title);
  if (found) return found;
  throw new DeviceError(functionName, `"${title}" is not in the catalogue`, "Call search_movies to find the exact title.");
}

function describeTitle(title: WorldTitle) {
  return { title: title.title, kind: title.kind, genre: title.genre, year: title.year, ...(title.seasons ? { seasons: title.seasons.length } : {}) };
}

export function searchMovies(device: SimulatedDevice, query: string): Array<ReturnType<typeof describeTitle>> {
  return rankMatches(query, device.world.titles, (title) => `${title.title} ${title.genre} ${title.kind}`).map(describeTitle);
}

export function playVideo(device: SimulatedDevice, title: string): { nowPlaying: string; on: string } {
  const found = findTitle(device, "play_video", title);
  device.state.nowPlaying = found.title;
  return { nowPlaying: found.title, on: device.state.castingTo ?? "this phone" };
}

export function addToWatchlist(device: SimulatedDevice, title: string): { added: string; watchlist: number } {
  const found = findTitle(device, "add_to_watchlist", title);
  if (!device.state.watchlist.includes(found.title)) device.state.watchlist.push(found.title);
  return { added: found.title, watchlist: device.state.watchlist.length };
}

export function getRecommendations(device: SimulatedDevice, genre: string): Array<ReturnType<typeof describeTitle>> {
  const wanted = genre.trim().toLowerCase().replace(/\s+(movies?|shows?|films?|series)$/, "");
  const normalized = GENRE_ALIASES[wanted] ?? (wanted.endsWith("s") && device.world.genres.includes(wanted.slice(0, -1)) ? wanted.slice(0, -1) : wanted);
  if (!device.world.genres.includes(normalized)) {
    throw new DeviceError("get_recommendations", `unknown genre "${genre}"`, `Available genres: ${device.world.genres.join(", ")}`);
  }
  // Titles already rated are not recommended again; the order is the seed's taste.
  return device.world.titles
    .filter((title) => title.genre === normalized && device.state.ratings[title.title] === undefined)
    .map((title) => ({ title, order: randomFor(device.seed, "recommend", title.title) }))
    .sort((a, b) => a.order - b.order)
    .slice(0, 3)
    .map((entry) => describeTitle(entry.title));
}

export function rateTitle(device: SimulatedDevice, title: string, stars: number): { rated: string; stars: number } {
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) throw new DeviceError("rate_title", `stars ${stars} is out of range`, "Use a whole number from 1 to 5.");
  const found = findTitle(device, "rate_title", title);
  device.state.ratings[found.title] = stars;
  return { rated: found.title, stars };
}

export function downloadEpisode(device: SimulatedDevice, show: string, season: number, episode: number): { downloaded: string; sizeMb: number } {
  const found = findTitle(device, "download_episode", show);
  if (!found.seasons) throw new DeviceError("download_episode", `"${found.title}" is a movie, not a show`, "Only episodes of shows can be downloaded.");
  if (!Number.isInteger(season) || season < 1 || season > found.seasons.length) {
    throw new DeviceError("download_episode", `${found.title} has no season ${season}`, `Seasons 1 to ${found.seasons.length} are available.`);
  }
  const episodes = found.seasons[season - 1];
  if (!Number.isInteger(episode) || episode < 1 || episode > episodes) {
    throw new DeviceError("download_episode", `${found.title} season ${season} has no episode ${episode}`, `Season ${season} has episodes 1 to ${episodes}.`);
  }
  if (!device.state.downloads.some((item) => item.show === found.title && item.season === season && item.episode === episode)) {
    device.state.downloads.push({ show: found.title, season, episode });
  }
  const code = `S${String(season).padStart(2, "0")}E${String(episode).padStart(2, "0")}`;
  return { downloaded: `${found.title} ${code}`, sizeMb: 350 + Math.floor(randomFor(device.seed, "size", found.title, code) * 600) };
}

export function castToTv(device: SimulatedDevice, deviceName: string): { castingTo: string; nowPlaying: string | null } {
  const found = resolveName(deviceName, device.world.castDevices, (candidate) => candidate.name);
  if (!found) throw new DeviceError("cast_to_tv", `no cast device named "${deviceName}"`, `Cast devices on this network: ${device.world.castDevices.map((candidate) => candidate.name).join(", ")}`);
  device.state.castingTo = found.name;
  return { castingTo: found.name, nowPlaying: device.state.nowPlaying };
}
