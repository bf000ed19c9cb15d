// The 7 video functions, in the order of ../shared/functions.md.
import { z } from "zod";
import { addToWatchlist, castToTv, downloadEpisode, getRecommendations, playVideo, rateTitle, searchMovies } from "../device/video.js";
import { defineFunction, type FunctionSpec } from "../spec.js";

const domain = "video";

export const VIDEO_FUNCTIONS: readonly FunctionSpec[] = [
  defineFunction({
    name: "search_movies", domain,
    description: "Searches the streaming catalogue for movies and shows matching a query.",
    parameters: z.object({ query: z.string().describe("Search query, such as a title, part of a title or a genre.") }),
    returns: "list[dict]: Up to three titles, best match first, each with its kind (movie or show), genre, year and number of seasons.",
    execute: (args, { device }) => searchMovies(device, args.query),
  }),
  defineFunction({
    name: "play_video", domain,
    description: "Starts playing a movie or show, on the phone or on the TV it is casting to.",
    parameters: z.object({ title: z.string().describe("The title of the movie or show, e.g. 'Stranger Things'.") }),
    execute: (args, { device }) => playVideo(device, args.title),
  }),
  defineFunction({
    name: "add_to_watchlist", domain,
    description: "Adds a movie or show to the user's watchlist.",
    parameters: z.object({ title: z.string().describe("The title of the movie or show.") }),
    execute: (args, { device }) => addToWatchlist(device, args.title),
  }),
  defineFunction({
    name: "get_recommendations", domain,
    description: "Recommends movies and shows of a genre that the user has not rated yet.",
    parameters: z.object({ genre: z.string().describe("The genre, e.g. 'comedy', 'sci-fi', 'drama', 'documentary' or 'horror'.") }),
    returns: "list[dict]: Up to three recommended titles with their kind, genre and year.",
    execute: (args, { device }) => getRecommendations(device, args.genre),
  }),
  defineFunction({
    name: "rate_title", domain,
    description: "Rates a movie or show.",
    parameters: z.object({
      title: z.string().describe("The title of the movie or show."),
      stars: z.number().int().min(1).max(5).describe("Rating from 1 (worst) to 5 (best) stars."),
    }),
    execute: (args, { device }) => rateTitle(device, args.title, args.stars),
  }),
  defineFunction({
    name: "download_episode", domain,
    description: "Downloads an episode of a show for offline viewing.",
    parameters: z.object({
      show: z.string().describe("The title of the show, e.g. 'The Office'."),
      season: z.number().int().min(1).describe("Season number, starting at 1."),
      episode: z.number().int().min(1).describe("Episode number within the season, starting at 1."),
    }),
    returns: "dict: The downloaded episode (e.g. 'The Office S02E03') and its size in MB.",
    execute: (args, { device }) => downloadEpisode(device, args.show, args.season, args.episode),
  }),
  defineFunction({
    name: "cast_to_tv", domain,
    description: "Casts the phone's video playback to a TV or streaming device on the home network.",
    parameters: z.object({ device_name: z.string().describe("Name of the TV or cast device, e.g. 'Living Room TV'.") }),
    execute: (args, { device }) => castToTv(device, args.device_name),
  }),
];
